import picomatch from 'picomatch';

/**
 * Globs the config names (`include`, `exclude`, `alerts.rules`, `overrides.files`) come with the
 * repository, and a glob is a regular expression in disguise: `*a*a*a*a*b` took 20 s on one
 * 200-character file name, `+(*a)b` a minute on 100 characters (backtracking). So a glob may have at
 * most `MAX_STARS_PER_SEGMENT` `*` in one path segment (a whole `**` segment does not count), and
 * extended globs (`+(…)`, `@(…)`…) are plain characters. So are `(`, `)`, `|` and `+` anywhere:
 * picomatch copies them into its regular expression as they are, and `(a+)+b.md` (no `*` at all)
 * doubled the time of matching with each character of a file name. They match only themselves
 * (`notes (old).md` names that file).
 *
 * The ways to match multiply across the parts of a path too (test/hardening/glob-parts-backtracking.test.ts):
 * five parts `*a*a` then `x` took 6 s on five folders of 30 `a`s (30 times longer with each further
 * part), two such parts with a `**` after each 100 s, three `**` with an `a` between 4 s on a path
 * 2,000 folders deep, `{a,aa}` written 25 times 3 s on 40 `a`s. So a glob also has at most
 * `MAX_GLOBSTARS` `**`, at most `MAX_TWO_STAR_PARTS` part with two `*`, at most `MAX_BRACES` `{`
 * and at most `MAX_ALTERNATIVES` alternatives in them (four groups of 150 took 5 s on 250 `a`s):
 * within these, a path of 4,096 characters is matched in well under a second. An escaped character
 * (backslash, then `*`) is plain and counts for none of these.
 */
const MAX_STARS_PER_SEGMENT = 2;
const MAX_GLOBSTARS = 2;
const MAX_TWO_STAR_PARTS = 1;
const MAX_BRACES = 4;
const MAX_ALTERNATIVES = 24;

/** Why `glob` is refused, or undefined when it may be used. */
export function globProblem(glob: string): string | undefined {
  const unescaped = glob.replace(/\\[^]/g, '');
  let twoStarParts = 0;
  for (const segment of unescaped.split('/')) {
    if (segment === '**') continue;
    const stars = segment.split('*').length - 1;
    if (stars > MAX_STARS_PER_SEGMENT) {
      return `has ${String(stars)} \`*\` in the part \`${segment}\`; at most ${String(MAX_STARS_PER_SEGMENT)} are allowed in one part of a path (more make matching take exponential time), e.g. \`*runbook*.md\` or \`**/*.md\``;
    }
    if (stars > 1) twoStarParts += 1;
  }
  const globstars = unescaped.match(/\*\*+/g)?.length ?? 0;
  if (globstars > MAX_GLOBSTARS) {
    return `has ${String(globstars)} \`**\`; at most ${String(MAX_GLOBSTARS)} are allowed in one glob (more make matching take exponential time), e.g. \`docs/**/runbooks/**/*.md\``;
  }
  if (twoStarParts > MAX_TWO_STAR_PARTS) {
    return `has ${String(twoStarParts)} parts with two \`*\`; at most ${String(MAX_TWO_STAR_PARTS)} is allowed in one glob (more make matching take exponential time), e.g. \`**/*runbook*/*.md\``;
  }
  const braces = unescaped.split('{').length - 1;
  if (braces > MAX_BRACES) {
    return `has ${String(braces)} \`{\`; at most ${String(MAX_BRACES)} are allowed in one glob (more make matching take exponential time), e.g. \`{runbooks,playbooks}/**/*.{md,markdown}\``;
  }
  const alternatives = alternativesIn(unescaped);
  if (alternatives > MAX_ALTERNATIVES) {
    return `has ${String(alternatives)} alternatives between \`{\` and \`}\`; at most ${String(MAX_ALTERNATIVES)} are allowed in one glob (more make matching take polynomial time of a high degree); list several globs instead`;
  }
  return undefined;
}

/** How many alternatives the `{…}` of `glob` (escapes removed) offer in all: each group counts its commas plus one. */
function alternativesIn(glob: string): number {
  let depth = 0;
  let count = 0;
  for (const character of glob) {
    if (character === '{') {
      depth += 1;
      count += 1;
    } else if (character === '}' && depth > 0) depth -= 1;
    else if (character === ',' && depth > 0) count += 1;
  }
  return count;
}

/** A matcher for `globs` (extended globs off and regular-expression groups plain: see above). */
export function globMatcher(globs: string | readonly string[], options: { readonly dot: boolean }): (path: string) => boolean {
  return picomatch((typeof globs === 'string' ? [globs] : [...globs]).map(plainGroups), { dot: options.dot, noextglob: true });
}

/** `glob` with every `(`, `)`, `|` and `+` not already escaped escaped, so it matches only itself. */
function plainGroups(glob: string): string {
  return glob.replace(/\\.|[()|+]/g, (match) => (match.length === 2 ? match : `\\${match}`));
}
