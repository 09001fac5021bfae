/**
 * What `runbook init` reads of one Markdown file to fit a config to a collection: the frontmatter
 * keys it uses and its headings. From the first bytes of the file only, and never failing: a file
 * it cannot make sense of simply has no keys and no headings.
 */
import { atxHeadingContent } from '../parse/atx-heading.js';

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
/** The opening of an ATX heading: its marks, then a space or tab (the text, read by {@link headingText}). */
const HEADING_OPENING = /^ {0,3}(#{1,6})[ \t]/;
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
    const heading = HEADING_OPENING.exec(line);
    const marks = heading?.[1];
    const text = heading === null ? undefined : headingText(line.slice(heading[0].length))?.trim();
    if (marks === undefined || text === undefined || text === '') continue;
    const key = headingKey(text);
    open = [...open.filter((section) => section.level < marks.length), { level: marks.length, key }];
    if (marks.length === 1) title ??= text;
    else headings.add(key);
  }
  return { path, keys, title, headings: [...headings], numbered: [...numbered].filter((key) => headings.has(key)) };
}

/**
 * The text of a heading after its opening (see {@link atxHeadingContent}); undefined when the line
 * holds a line break (`\r`, U+2028, U+2029), which ends a heading.
 */
function headingText(rest: string): string | undefined {
  if (/[\r\u2028\u2029]/.test(rest)) return undefined;
  return atxHeadingContent(rest, 0, rest.length);
}

/** A heading as compared across files: lower-case, inline code and emphasis marks gone, no trailing colon. */
function headingKey(text: string): string {
  return withoutTrailingMarks(text.replace(/[`*_]/g, '').replace(/\s+/g, ' '))
    .replace(/\p{Cc}/gu, '')
    .trim()
    .toLowerCase();
}

/** `text` without the `:` and `.` it ends with (a loop: `/[:.]+$/` takes time growing with the square of a run of them). */
function withoutTrailingMarks(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ':' || text[end - 1] === '.')) end -= 1;
  return text.slice(0, end);
}

/** The lines between a leading `---` and the next `---` (or `...`); undefined when there is none within the head. */
function frontmatterLines(lines: readonly string[]): readonly string[] | undefined {
  if (lines[0]?.trimEnd() !== '---') return undefined;
  const end = lines.findIndex((line, index) => index > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
  return end === -1 ? undefined : lines.slice(1, end);
}
