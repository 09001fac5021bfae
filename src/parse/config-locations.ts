/**
 * Error location for config files: where in the text a key or a value was written (line and column,
 * 1-based), so that every message about a config points at the place to fix. The YAML document is
 * kept with its positions for this; the checks themselves work on plain data.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';

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

/** Where a node is, for a message: its line (0 when unknown, which sorts first) and `label:line:column` (or `label` alone). */
export interface Place {
  readonly line: number;
  readonly text: string;
}

/** A function giving the place of a node of the document `lineCounter` counted, in the file shown as `label`. */
export function placeOf(lineCounter: LineCounter, label: string): (node: YamlNode | undefined) => Place {
  return (node) => {
    if (node?.range == null) return { line: 0, text: label };
    const { line, col } = lineCounter.linePos(node.range[0]);
    return { line, text: `${label}:${line}:${col}` };
  };
}

/** The deepest node of `path` that exists (so a missing key is reported at its parent). */
export function nodeAt(node: unknown, path: readonly PropertyKey[]): YamlNode | undefined {
  let current = (node ?? undefined) as YamlNode | undefined;
  for (const key of path) {
    const next: unknown = isMap(current) || (isSeq(current) && typeof key === 'number') ? current.get(key, true) : undefined;
    if (next === undefined || next === null || typeof next !== 'object') break;
    current = next as YamlNode;
  }
  return current;
}

/** The key node of `key` in the mapping at `path`. */
export function keyNodeAt(node: unknown, path: readonly PropertyKey[], key: string): YamlNode | undefined {
  const map = nodeAt(node, path);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
  return pair && isScalar(pair.key) ? pair.key : undefined;
}
