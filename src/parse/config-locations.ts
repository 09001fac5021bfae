import { isScalar, LineCounter, parseDocument } from 'yaml';

/** A string value of a config file as written, and where: line and column, 1-based. */
export interface WrittenValue {
  readonly value: string;
  readonly line: number;
  readonly column: number;
}

/**
 * The string written at `keys` (`['site', 'templates']`) in a config file's text, and where, so that
 * a check made after parsing (one that needs the file system) can still quote it and point at it;
 * undefined when the text holds no string there.
 */
export function writtenValueAt(text: string, keys: readonly string[]): WrittenValue | undefined {
  const lineCounter = new LineCounter();
  const node: unknown = parseDocument(text, { lineCounter, schema: 'core' }).getIn(keys, true);
  if (!isScalar(node) || typeof node.value !== 'string' || node.range == null) return undefined;
  const { line, col } = lineCounter.linePos(node.range[0]);
  return { value: node.value, line, column: col };
}
