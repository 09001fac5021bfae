import type { YamlBlock } from './frontmatter.js';
import { lineColumns } from '../text/line-column.js';

/**
 * Where the frontmatter's fences sit in a file's text, found the way remark-frontmatter finds them:
 * `---` on the first line (after an optional byte order mark), then the next line that is `---`
 * (trailing spaces and tabs allowed on both). Offsets are into the text, so an edit can keep every
 * other character. The one reader of frontmatter fences: the parse (which processor, where chunks
 * may start, whether a missing block was left unclosed) and the edits of `tested` all ask it.
 */
export interface FrontmatterFences {
  /** Offset of the first character of the YAML, after the opening fence's line ending. */
  readonly yamlStart: number;
  /** Offset of the closing fence's first `-` (the YAML ends just before it). */
  readonly closeStart: number;
  /** Offset just after the closing fence and its trailing spaces and tabs. */
  readonly closeEnd: number;
  /** Offset just after the closing fence's line ending (the end of the text when it has none). */
  readonly blockEnd: number;
  /** The line ending before the closing fence (`\r\n`, `\n` or `\r`): the one a new line gets. */
  readonly lineEnding: string;
}

const OPENING = /^\uFEFF?---[ \t]*(\r\n|\n|\r)/;
const CLOSING = /^---[ \t]*$/;
const LINE_ENDING = /\r\n|\n|\r/g;

/** Whether `text` opens with a frontmatter fence, closed later or not. */
export function opensFrontmatter(text: string): boolean {
  return OPENING.test(text);
}

/**
 * Whether the file opens a `---` frontmatter block that never closes. remark-frontmatter would then
 * swallow the structure of the rest of the file, so such a file is parsed as plain Markdown.
 */
export function opensUnclosedFrontmatter(text: string): boolean {
  return opensFrontmatter(text) && findFrontmatterFences(text) === undefined;
}

/** The fences of the frontmatter of `text`, or undefined when the file has none or it is never closed. */
export function findFrontmatterFences(text: string): FrontmatterFences | undefined {
  const opening = OPENING.exec(text);
  if (opening === null) return undefined;
  const yamlStart = opening[0].length;
  let lineEnding = opening[1] ?? '\n';
  let lineStart = yamlStart;
  const endings = new RegExp(LINE_ENDING);
  endings.lastIndex = yamlStart;
  for (;;) {
    const ending = endings.exec(text);
    const lineEnd = ending === null ? text.length : ending.index;
    if (CLOSING.test(text.slice(lineStart, lineEnd))) {
      return { yamlStart, closeStart: lineStart, closeEnd: lineEnd, blockEnd: ending === null ? lineEnd : ending.index + ending[0].length, lineEnding };
    }
    if (ending === null) return undefined;
    lineEnding = ending[0];
    lineStart = ending.index + ending[0].length;
  }
}

/**
 * The YAML of the frontmatter and where the block is, exactly as the Markdown parser gives it to
 * `parseFrontmatter` (the same value and span as its `yaml` node), found without parsing the
 * Markdown: what reads the frontmatter alone (`runbook show` over a whole collection) costs a scan
 * of the block instead of a parse of the file.
 */
export function frontmatterBlock(text: string): YamlBlock | undefined {
  const fences = findFrontmatterFences(text);
  if (fences === undefined) return undefined;
  const { yamlStart, closeStart, closeEnd, lineEnding } = fences;
  const valueEnd = closeStart === yamlStart ? yamlStart : closeStart - lineEnding.length;
  return {
    value: text.slice(yamlStart, valueEnd),
    span: { start: { line: 1, column: 1 }, end: lineColumns(text)(closeEnd) },
  };
}
