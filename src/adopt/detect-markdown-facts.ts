/**
 * What `runbook init` reads of one Markdown file to fit a config to a collection: the frontmatter
 * keys it uses and its headings. From the first bytes of the file only, and never failing: a file
 * it cannot make sense of simply has no keys and no headings.
 */

/** A name (a key, a heading, a section) and how many files use it. */
export interface Count {
  readonly name: string;
  readonly files: number;
}

/** The facts of one file: its path (relative, with `/`), frontmatter keys and headings. */
export interface MarkdownFacts {
  readonly path: string;
  /** Top-level frontmatter keys in order; undefined when the file has no frontmatter. */
  readonly keys: readonly string[] | undefined;
  /** The text of its first level-1 heading, if any. */
  readonly title: string | undefined;
  /** Headings of level 2 and below, lower-cased, trimmed, without a trailing colon; each once. */
  readonly headings: readonly string[];
  /** Those of `headings` with a numbered list in their section (the form recovery steps take). */
  readonly numbered: readonly string[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const NUMBERED_ITEM = /^ {0,3}\d{1,9}[.)][ \t]/;
const TOP_LEVEL_KEY = /^([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]|$)/;

/** The facts of the file at `path` whose text starts with `head`. */
export function markdownFacts(path: string, head: string): MarkdownFacts {
  const lines = head.replace(/^\uFEFF/, '').split(/\r?\n/);
  const frontmatter = frontmatterLines(lines);
  const keys = frontmatter === undefined ? undefined : frontmatter.flatMap((line) => TOP_LEVEL_KEY.exec(line)?.[1] ?? []);
  const body = frontmatter === undefined ? lines : lines.slice(frontmatter.length + 2);
  let fence: string | undefined;
  let title: string | undefined;
  const headings = new Set<string>();
  const numbered = new Set<string>();
  /** The headings whose section the current line is in, outermost first. */
  let open: { readonly level: number; readonly key: string }[] = [];
  for (const line of body) {
    const opening = FENCE.exec(line)?.[1];
    if (opening !== undefined && (fence === undefined || (opening[0] === fence[0] && opening.length >= fence.length))) {
      fence = fence === undefined ? opening : undefined;
      continue;
    }
    if (fence !== undefined) continue;
    if (NUMBERED_ITEM.test(line)) for (const section of open) numbered.add(section.key);
    const heading = HEADING.exec(line);
    const marks = heading?.[1];
    const text = heading?.[2]?.trim();
    if (marks === undefined || text === undefined || text === '') continue;
    const key = headingKey(text);
    open = [...open.filter((section) => section.level < marks.length), { level: marks.length, key }];
    if (marks.length === 1) title ??= text;
    else headings.add(key);
  }
  return { path, keys, title, headings: [...headings], numbered: [...numbered].filter((key) => headings.has(key)) };
}

/** A heading as compared across files: lower-case, inline code and emphasis marks gone, no trailing colon. */
function headingKey(text: string): string {
  return text
    .replace(/[`*_]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[:.]+$/, '')
    .replace(/\p{Cc}/gu, '')
    .trim()
    .toLowerCase();
}

/** The lines between a leading `---` and the next `---` (or `...`); undefined when there is none within the head. */
function frontmatterLines(lines: readonly string[]): readonly string[] | undefined {
  if (lines[0]?.trimEnd() !== '---') return undefined;
  const end = lines.findIndex((line, index) => index > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
  return end === -1 ? undefined : lines.slice(1, end);
}
