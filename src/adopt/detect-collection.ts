/**
 * `runbook init` looks before it writes: from the Markdown and YAML files of a repository (paths
 * and first bytes, read by src/io/collection-scan.ts) it works out where the runbooks are and how
 * they are written — folder, frontmatter keys and headings actually used, files named after alerts,
 * Prometheus rule files — so that the config it writes fits the collection as it is.
 */
import { plural } from '../text/plural.js';
import { markdownFacts, type Count, type MarkdownFacts } from './detect-markdown-facts.js';
import { matchFields, type FieldMatch } from './detect-fields.js';
import { sectionsOf, type SectionFit } from './detect-sections.js';

/** A file as the walk found it: path relative to the repository (with `/`), the start of its text (undefined: not read). */
export interface FileHead {
  readonly path: string;
  readonly head: string | undefined;
}

/** How a collection is written, and what config fits it. */
export interface Collection {
  /** The folder holding the runbooks, relative to the repository (`.` for the repository itself). */
  readonly root: string;
  /** Why that folder. */
  readonly rootReason: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  /** The runbooks: files under `root` matched by `include` and not `exclude`, with their facts. */
  readonly runbooks: readonly MarkdownFacts[];
  /** Files under `root` left out by `exclude` (READMEs, index pages). */
  readonly excluded: readonly string[];
  /** Markdown outside `root`, not counted as runbooks. */
  readonly outside: readonly string[];
  /** How many runbooks have frontmatter. */
  readonly withFrontmatter: number;
  /** Frontmatter keys used, most used first. */
  readonly keys: readonly Count[];
  /** Headings used (level 2 and below, as compared), most used first. */
  readonly headings: readonly Count[];
  readonly fields: FieldMatch;
  readonly sections: SectionFit;
  /** How many runbooks are named like an alert (`KubePodCrashLooping.md`), and whether that is most of them. */
  readonly alertNamed: { readonly files: number; readonly fromFileName: boolean };
  /** Prometheus rule files in the repository (exact paths). */
  readonly ruleFiles: readonly string[];
}

/** Folder names that say "runbooks here". */
const RUNBOOK_FOLDER = /^(?:run-?books?|play-?books?)$/i;
/** Files of the repository itself, not runbooks: READMEs and the like, anywhere. */
const REPOSITORY_FILE = /^(?:readme|changelog|contributing|code_of_conduct|security|licen[cs]e|authors|maintainers|notice|support|governance|pull_request_template|issue_template)(?:\.[^/]*)?$/i;
/** Pages listing other pages rather than saying what to do: READMEs, Hugo's `_index.md`, `index.md`. */
const INDEX_PAGE = /^(?:readme|_index|index)\.[^/]*$/i;
/** A file name like an alert's: one CamelCase word (`KubePodCrashLooping`, `etcdNoLeader`). */
const ALERT_NAME = /^(?=[^.]*[A-Z])(?=[^.]*[a-z])[A-Za-z][A-Za-z0-9]*\.[^/]*$/;
/** A `PrometheusRule` resource. */
const PROMETHEUS_RULE_KIND = /^kind:\s*PrometheusRule\b/m;
/** A line of an alerting rule (`- alert: Name`), compared line by line. */
const ALERT_LINE = /^\s*(?:-\s*)?alert:/;
/** Characters a glob would read as pattern: such paths are not written as globs. */
const GLOB_CHARACTER = /[*?[\]{}()!|+\\]/;

/** Whether a Markdown file named `name` may be a runbook: not a README, an index page or another file of the repository itself. */
export function mayBeRunbook(name: string): boolean {
  return !REPOSITORY_FILE.test(name) && !INDEX_PAGE.test(name);
}

/**
 * The collection in a repository, or undefined when it has no Markdown besides its own READMEs
 * (then `init` writes today's starter files). `skippedFolders` are vendored or built folders the
 * walk did not enter; those under the root are excluded.
 */
export function detectCollection(markdown: readonly FileHead[], yaml: readonly FileHead[], skippedFolders: readonly string[]): Collection | undefined {
  const candidates = markdown.filter((file) => !REPOSITORY_FILE.test(baseName(file.path)) || dirName(file.path) !== '.');
  const pages = candidates.filter((file) => !INDEX_PAGE.test(baseName(file.path)));
  if (pages.length === 0) return undefined;
  const { root, reason } = rootOf(pages.map((file) => file.path));
  const under = markdown.filter((file) => isUnder(file.path, root));
  const outside = markdown.filter((file) => !isUnder(file.path, root)).map((file) => file.path);
  const indexNames = [...new Set(under.filter((file) => INDEX_PAGE.test(baseName(file.path))).map((file) => baseName(file.path)))].sort();
  const repositoryFiles = under.filter((file) => dirName(file.path) === '.' && REPOSITORY_FILE.test(baseName(file.path)) && !INDEX_PAGE.test(baseName(file.path)));
  const vendored = skippedFolders.filter((folder) => isUnder(folder, root) && folder !== root).map((folder) => `${literalGlob(relativeTo(folder, root))}/**`);
  const exclude = [...indexNames.map((name) => `**/${literalGlob(name)}`), ...repositoryFiles.map((file) => literalGlob(relativeTo(file.path, root))), ...vendored];
  const excludedPaths = new Set([...under.filter((file) => INDEX_PAGE.test(baseName(file.path))), ...repositoryFiles].map((file) => file.path));
  const runbookHeads = under.filter((file) => !excludedPaths.has(file.path));
  const runbooks = runbookHeads.map((file) => markdownFacts(file.path, file.head ?? ''));
  const keys = counted(runbooks.flatMap((file) => file.keys ?? []));
  const headings = counted(runbooks.flatMap((file) => file.headings));
  const alertNamed = runbooks.filter((file) => ALERT_NAME.test(baseName(file.path))).length;
  return {
    root,
    rootReason: reason,
    include: includeOf(runbooks.map((file) => file.path)),
    exclude,
    runbooks,
    excluded: [...excludedPaths].sort(),
    outside,
    withFrontmatter: runbooks.filter((file) => file.keys !== undefined).length,
    keys,
    headings,
    fields: matchFields(keys),
    sections: sectionsOf(headings, runbooks),
    alertNamed: { files: alertNamed, fromFileName: runbooks.length >= 3 && alertNamed >= runbooks.length * 0.6 },
    ruleFiles: yaml.filter((file) => file.head !== undefined && isRuleFile(file.head) && !GLOB_CHARACTER.test(file.path)).map((file) => file.path),
  };
}

/**
 * Whether a YAML file starting with `head` is a Prometheus rule file: `groups:` then, on a later
 * line, an `alert:` rule; or a `PrometheusRule` resource. Line by line, in time linear in the head:
 * as one multi-line regular expression, 8 KB of blank lines after `groups:` took 160 s (the time
 * grew with the cube of the lines), and init reads up to 2,000 such files (found by H8, #12).
 */
function isRuleFile(head: string): boolean {
  if (PROMETHEUS_RULE_KIND.test(head)) return true;
  const lines = head.split(/[\n\r\u2028\u2029]/);
  const groups = lines.findIndex((line) => line.startsWith('groups:'));
  return groups !== -1 && lines.slice(groups + 1).some((line) => ALERT_LINE.test(line));
}

/**
 * The root: the folder named like a runbooks folder holding the most Markdown, else the deepest
 * folder holding all of it.
 */
function rootOf(paths: readonly string[]): { readonly root: string; readonly reason: string } {
  const named = new Map<string, number>();
  for (const path of paths) {
    const parts = path.split('/').slice(0, -1);
    parts.forEach((part, index) => {
      if (RUNBOOK_FOLDER.test(part)) {
        const folder = parts.slice(0, index + 1).join('/');
        named.set(folder, (named.get(folder) ?? 0) + 1);
      }
    });
  }
  const best = [...named].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))[0];
  if (best !== undefined) return { root: best[0], reason: `a folder named ${baseName(best[0])}/ holding ${plural(best[1], 'Markdown file')}` };
  const common = paths.map((path) => path.split('/').slice(0, -1)).reduce((shared, parts) => shared.slice(0, commonLength(shared, parts)));
  return common.length === 0
    ? { root: '.', reason: 'the Markdown is spread over the repository' }
    : { root: common.join('/'), reason: `every Markdown file is under ${common.join('/')}/` };
}

function commonLength(a: readonly string[], b: readonly string[]): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length += 1;
  return length;
}

/** The include globs for the extensions the runbooks have (`**\/*.md` covers Middleman's `.html.md`). */
function includeOf(paths: readonly string[]): readonly string[] {
  const globs = new Set<string>();
  for (const path of paths) {
    const name = baseName(path).toLowerCase();
    if (name.endsWith('.md.erb')) globs.add('**/*.md.erb');
    else globs.add(`**/*${/\.[^.]+$/.exec(name)?.[0] ?? '.md'}`);
  }
  return [...globs].sort((a, b) => (a === '**/*.md' ? -1 : b === '**/*.md' ? 1 : a < b ? -1 : 1));
}

/** Each name with the number of times it occurs, most first, then by name. */
function counted(names: readonly string[]): readonly Count[] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, files]) => ({ name, files })).sort((a, b) => b.files - a.files || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** `path` as a glob matching only itself: each character a glob reads as pattern escaped (`index.[a].md` is not `index.a.md`). */
function literalGlob(path: string): string {
  return path.replace(/[*?[\]{}()!|+\\@]/g, (character) => `\\${character}`);
}

function isUnder(path: string, folder: string): boolean {
  return folder === '.' || path === folder || path.startsWith(`${folder}/`);
}

function relativeTo(path: string, folder: string): string {
  return folder === '.' ? path : path.slice(folder.length + 1);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function dirName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '.' : path.slice(0, slash);
}
