/**
 * Duplicate keys in a YAML document, found in linear time. The `yaml` package's own check
 * (`uniqueKeys: true`) compares each key of a mapping with every key before it: a config or a rule
 * file with tens of thousands of keys in one mapping took minutes. Documents are parsed with
 * {@link YAML_OPTIONS} and checked here instead, one set per mapping, giving the same errors.
 */
import { isNode, isScalar, visit, YAMLParseError, type Document, type Pair, type YAMLError, type YAMLMap } from 'yaml';

/**
 * Options for parsing a document whose duplicate keys {@link errorsWithDuplicateKeys} reports:
 * no quadratic check of the package's own, and the source tokens kept to place the errors.
 */
export const YAML_OPTIONS = { uniqueKeys: false, keepSourceTokens: true } as const;

/** A duplicate key's error, and the offset at which the yaml package's own check would emit it. */
interface Found {
  readonly emittedAt: number;
  readonly error: YAMLParseError;
}

/**
 * The document's errors with one `DUPLICATE_KEY` error ("Map keys must be unique") for each key
 * that repeats an earlier key of its mapping, as `uniqueKeys: true` reports them: at the same
 * offset, in the same order among themselves. Keys are equal as that check compares them: scalars
 * with the same value (`1` and `0x1` are the same number, `'1'` and `1` differ; NaN equals nothing);
 * a list, a mapping or an alias as a key repeats nothing. The document must have been parsed with
 * {@link YAML_OPTIONS}.
 */
export function errorsWithDuplicateKeys(document: Document): readonly YAMLError[] {
  const found: Found[] = [];
  visit(document, {
    Map(_, map) {
      found.push(...duplicatesIn(map));
    },
  });
  if (found.length === 0) return document.errors;
  return mergeByOffset(document.errors, found.sort((a, b) => a.emittedAt - b.emittedAt));
}

/** The errors for one mapping's repeated keys. */
function duplicatesIn(map: YAMLMap): readonly Found[] {
  const seen = new Set<unknown>();
  const repeated: Pair[] = [];
  for (const pair of map.items) {
    const key = pair.key;
    if (!isScalar(key) || Number.isNaN(key.value)) continue;
    if (seen.has(key.value)) repeated.push(pair);
    else seen.add(key.value);
  }
  if (repeated.length === 0) return [];
  const starts = keyStarts(map);
  return repeated.map((pair) => {
    const start = starts.get(pair) ?? 0;
    // A block mapping checks a key before reading its value, a flow mapping after.
    const emittedAt = map.flow === true ? endOf(pair) : start;
    return { emittedAt, error: new YAMLParseError([start, start + 1], 'DUPLICATE_KEY', 'Map keys must be unique') };
  });
}

/**
 * Where the yaml package places each pair's key in its errors: after the tokens before the key
 * (`?`, an anchor, a tag, spaces and line breaks), or, when there are none, where the previous
 * item ended. Items of a flow mapping that make no pair (an empty one between commas) move that
 * place; those of a block mapping (a comment line) do not.
 */
function keyStarts(map: YAMLMap): ReadonlyMap<Pair, number> {
  const starts = new Map<Pair, number>();
  const token = map.srcToken;
  if (token?.type !== 'block-map' && token?.type !== 'flow-collection') return starts;
  const flow = token.type === 'flow-collection';
  let offset = flow ? token.offset + token.start.source.length : token.offset;
  let next = 0;
  for (const item of token.items) {
    const last = item.start.at(-1);
    const start = last === undefined ? offset : last.offset + last.source.length;
    const pair = map.items[next];
    if (pair?.srcToken === item) {
      starts.set(pair, start);
      next += 1;
      offset = endOf(pair);
    } else if (flow) {
      offset = start;
    }
  }
  return starts;
}

/** Where the composer's offset stands after a pair: the end of its value, or of what follows its key. */
function endOf(pair: Pair): number {
  if (isNode(pair.value)) return pair.value.range?.[2] ?? 0;
  const last = pair.srcToken?.sep?.at(-1);
  if (last !== undefined) return last.offset + last.source.length;
  return isNode(pair.key) ? (pair.key.range?.[2] ?? 0) : 0;
}

/**
 * The parser's errors (in the order it emitted them) and the duplicate keys' errors, merged by
 * offset; a duplicate key goes before another error at the same offset (such as a key with no value).
 */
function mergeByOffset(errors: readonly YAMLError[], found: readonly Found[]): readonly YAMLError[] {
  const merged: YAMLError[] = [];
  const duplicates = found[Symbol.iterator]();
  let duplicate = duplicates.next();
  for (const error of errors) {
    for (; duplicate.done !== true && duplicate.value.emittedAt <= error.pos[0]; duplicate = duplicates.next()) merged.push(duplicate.value.error);
    merged.push(error);
  }
  for (; duplicate.done !== true; duplicate = duplicates.next()) merged.push(duplicate.value.error);
  return merged;
}
