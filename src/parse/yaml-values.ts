import { isAlias, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { describeNode } from './frontmatter.js';

/** Why a YAML value could not be read as the type a field needs. */
export interface Mismatch {
  readonly kind: 'mismatch';
  readonly actual: string;
  readonly expected: string;
  /** The offending node inside the value (a list item, a mapping entry), when narrower than the value. */
  readonly at?: YamlNode;
}

export type Read<T> = { readonly kind: 'ok'; readonly value: T } | Mismatch;

export function ok<T>(value: T): Read<T> {
  return { kind: 'ok', value };
}

export function mismatch(actual: string, expected: string, at?: YamlNode): Mismatch {
  return at === undefined ? { kind: 'mismatch', actual, expected } : { kind: 'mismatch', actual, expected, at };
}

/** A scalar as text: strings as they are, numbers and booleans as YAML wrote them. Lists, maps and nulls are not text. */
export function readText(node: YamlNode | undefined, expected: string): Read<string> {
  if (node === undefined) return mismatch('nothing', expected);
  if (isAlias(node)) return mismatch('an alias (`*name`)', `${expected}, written out`);
  if (!isScalar(node) || node.value === null || node.value === undefined) {
    return mismatch(describeNode(node), expected);
  }
  const value = node.value;
  if (typeof value === 'string') return value.trim() === '' ? mismatch('empty text', expected) : ok(value.trim());
  if (typeof value === 'number' || typeof value === 'boolean') return ok(node.source ?? String(value));
  return mismatch(describeNode(node), expected);
}

/** A list of nodes; a single scalar counts as a list of one. */
export function readList(node: YamlNode | undefined, expected: string): Read<readonly YamlNode[]> {
  if (node === undefined) return mismatch('nothing', expected);
  if (isSeq(node)) return ok(node.items.filter((item): item is YamlNode => item !== null && typeof item === 'object'));
  if (isScalar(node) && node.value !== null) return ok([node]);
  return mismatch(describeNode(node), expected);
}

/** The `key: value` pairs of a mapping, keys as text. */
export function readMap(
  node: YamlNode | undefined,
  expected: string,
): Read<readonly { readonly key: string; readonly value: YamlNode | undefined }[]> {
  if (node === undefined || !isMap(node)) return mismatch(node === undefined ? 'nothing' : describeNode(node), expected);
  return ok(
    node.items.map((pair) => {
      const key = pair.key as YamlNode | null;
      return {
        key: key !== null && isScalar(key) ? String(key.value) : String(key),
        value: (pair.value ?? undefined) as YamlNode | undefined,
      };
    }),
  );
}

/** Reads a mapping with a fixed set of text keys, some required. */
export function readRecord<K extends string>(
  node: YamlNode | undefined,
  required: readonly K[],
  optional: readonly K[],
  expected: string,
): Read<Readonly<Partial<Record<K, string>>>> {
  const map = readMap(node, expected);
  if (map.kind !== 'ok') return map;
  const known: readonly string[] = [...required, ...optional];
  const record: Partial<Record<K, string>> = {};
  for (const { key, value } of map.value) {
    if (!known.includes(key)) return mismatch(`the key \`${key}\``, expected, node);
    const text = readText(value, `text for \`${key}\``);
    if (text.kind !== 'ok') return mismatch(`${text.actual} for \`${key}\``, expected, value ?? node);
    record[key as K] = text.value;
  }
  const absent = required.find((key) => record[key] === undefined);
  return absent === undefined ? ok(record) : mismatch(`no \`${absent}\``, expected, node);
}
