/**
 * Where the frontmatter sits in a file's text, found the way remark-frontmatter finds it: `---` on
 * the first line (after an optional byte order mark), then the next line that is `---` (trailing
 * spaces and tabs allowed). Offsets are into the text, so an edit can keep every other character.
 */
export interface FrontmatterBlock {
  /** Offset of the first character of the YAML, after the opening fence's line ending. */
  readonly yamlStart: number;
  /** Offset of the closing fence's first `-` (the YAML ends just before it). */
  readonly closeStart: number;
  /** The line ending before the closing fence (`\r\n`, `\n` or `\r`): the one a new line gets. */
  readonly lineEnding: string;
}

const OPENING = /^\uFEFF?---[ \t]*(\r\n|\n|\r)/;
const CLOSING = /^---[ \t]*$/;

/** The frontmatter block of `text`, or undefined when the file has none or it is never closed. */
export function findFrontmatterBlock(text: string): FrontmatterBlock | undefined {
  const opening = OPENING.exec(text);
  if (opening === null) return undefined;
  const yamlStart = opening[0].length;
  let lineEnding = opening[1] ?? '\n';
  let lineStart = yamlStart;
  const endings = /\r\n|\n|\r/g;
  endings.lastIndex = yamlStart;
  for (;;) {
    const ending = endings.exec(text);
    const lineEnd = ending === null ? text.length : ending.index;
    if (CLOSING.test(text.slice(lineStart, lineEnd))) return { yamlStart, closeStart: lineStart, lineEnding };
    if (ending === null) return undefined;
    lineEnding = ending[0];
    lineStart = ending.index + ending[0].length;
  }
}
