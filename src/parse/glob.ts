import picomatch from 'picomatch';

/**
 * Globs the config names (`include`, `exclude`, `alerts.rules`) come with the repository, and a
 * glob is a regular expression in disguise: `*a*a*a*a*b` took 20 s on one 200-character file name,
 * `+(*a)b` a minute on 100 characters (backtracking). So a glob may have at most
 * `MAX_STARS_PER_SEGMENT` `*` in one path segment (a whole `**` segment does not count), and
 * extended globs (`+(…)`, `@(…)`…) are plain characters. So are `(`, `)`, `|` and `+` anywhere:
 * picomatch copies them into its regular expression as they are, and `(a+)+b.md` (no `*` at all)
 * doubled the time of matching with each character of a file name. They match only themselves
 * (`notes (old).md` names that file).
 */
const MAX_STARS_PER_SEGMENT = 2;

/** Why `glob` is refused, or undefined when it may be used. */
export function globProblem(glob: string): string | undefined {
  for (const segment of glob.split('/')) {
    if (segment === '**') continue;
    const stars = segment.split('*').length - 1;
    if (stars > MAX_STARS_PER_SEGMENT) {
      return `has ${String(stars)} \`*\` in the part \`${segment}\`; at most ${String(MAX_STARS_PER_SEGMENT)} are allowed in one part of a path (more make matching take exponential time), e.g. \`*runbook*.md\` or \`**/*.md\``;
    }
  }
  return undefined;
}

/** A matcher for `globs` (extended globs off and regular-expression groups plain: see above). */
export function globMatcher(globs: string | readonly string[], options: { readonly dot: boolean }): (path: string) => boolean {
  return picomatch((typeof globs === 'string' ? [globs] : [...globs]).map(plainGroups), { dot: options.dot, noextglob: true });
}

/** `glob` with every `(`, `)`, `|` and `+` not already escaped escaped, so it matches only itself. */
function plainGroups(glob: string): string {
  return glob.replace(/\\.|[()|+]/g, (match) => (match.length === 2 ? match : `\\${match}`));
}
