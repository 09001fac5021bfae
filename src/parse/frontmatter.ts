import { isMap, isScalar, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { MAX_YAML_NESTING, tooDeepYaml } from './nesting.js';
import type { Span } from '../model/diagnostic.js';
import type { Located } from '../model/runbook.js';
import { lineColumns } from '../text/line-column.js';
import { opensFrontmatter } from './frontmatter-block.js';

/** One top-level `key: value` of the frontmatter, with where both were written. */
export interface Entry {
  readonly key: string;
  readonly keySpan: Span;
  /** Undefined for `key:` with nothing after it. */
  readonly value: YamlNode | undefined;
  readonly valueSpan: Span;
}

/** The frontmatter block as YAML: its entries in order, or why it could not be read. */
export type RawFrontmatter =
  | { readonly kind: 'missing'; readonly unclosed: boolean }
  | { readonly kind: 'broken'; readonly errors: readonly Located<string>[] }
  | {
      readonly kind: 'parsed';
      readonly span: Span;
      readonly entries: readonly Entry[];
      readonly document: Document;
      readonly spanOfNode: (node: YamlNode) => Span;
    };

/** Where the YAML block sits: its text and the file line its first line is on. */
export interface YamlBlock {
  readonly value: string;
  readonly span: Span;
}

/**
 * Largest frontmatter block read (in UTF-16 code units, about characters): 64 KiB. Why: the `yaml`
 * package keeps about 200 bytes of memory per character of a block of many keys (a million `links`
 * keys took 2.8 GB); real frontmatter is a few hundred bytes, long text belongs in the body.
 */
export const MAX_FRONTMATTER = 64 * 1024;

/**
 * Parses the YAML of a frontmatter block with the `yaml` package (YAML 1.2 core schema, so dates stay
 * strings), keeping every key's and value's location in the file.
 */
export function parseFrontmatter(block: YamlBlock | undefined, text: string): RawFrontmatter {
  if (block === undefined) return { kind: 'missing', unclosed: opensFrontmatter(text) };
  const firstLine = block.span.start.line + 1;
  // A lone CR ends a line for Markdown (and for YAML 1.2): made LF (same length, so offsets hold).
  const yaml = block.value.replace(/\r(?!\n)/g, '\n');
  if (yaml.length > MAX_FRONTMATTER) {
    const value = `the frontmatter block is ${yaml.length} characters long; at most ${MAX_FRONTMATTER} are read (move long text into the body)`;
    return { kind: 'broken', errors: [{ value, span: { start: block.span.start, end: block.span.start } }] };
  }
  const tooDeep = tooDeepYaml(yaml);
  if (tooDeep !== undefined) {
    const point = lineColumns(yaml)(tooDeep);
    const start = { line: point.line + firstLine - 1, column: point.column };
    const value = `the frontmatter nests more than ${MAX_YAML_NESTING} levels (indentation, \`- \`, \`[\` and \`{\`); at most ${MAX_YAML_NESTING} are read`;
    return { kind: 'broken', errors: [{ value, span: { start, end: start } }] };
  }
  const document = parseDocument(yaml, { prettyErrors: false, uniqueKeys: false, schema: 'core' });
  // Lines are counted here, not with the yaml package's LineCounter: that one misses line breaks
  // the lexer skips while recovering from an error (inside a broken flow collection).
  const lineColumnOf = lineColumns(yaml);
  const pointAt = (offset: number): { line: number; column: number } => {
    // The yaml package may put an error one past the end of the text (an unclosed quote): the end.
    const { line, column } = lineColumnOf(offset);
    return { line: line + firstLine - 1, column };
  };
  const spanOfRange = (start: number, end: number): Span => ({ start: pointAt(start), end: pointAt(end) });
  const problems = [...document.errors, ...document.warnings];
  if (problems.length > 0) {
    return {
      kind: 'broken',
      errors: problems.map((problem) => ({
        value: `${problem.message} (${problem.code})`,
        span: spanOfRange(problem.pos[0], problem.pos[1]),
      })),
    };
  }
  const spanOfNode = (node: YamlNode): Span => {
    const range = node.range ?? [0, 0, 0];
    return spanOfRange(range[0], range[1]);
  };
  const contents = document.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    return { kind: 'parsed', span: block.span, entries: [], document, spanOfNode };
  }
  if (!isMap(contents)) {
    return {
      kind: 'broken',
      errors: [
        {
          value: `frontmatter must be a mapping of keys to values, found ${describeNode(contents)}`,
          span: spanOfNode(contents),
        },
      ],
    };
  }
  const entries = contents.items.map((pair): Entry => {
    const keyNode = pair.key as YamlNode | null;
    const valueNode = (pair.value ?? undefined) as YamlNode | undefined;
    const key = keyNode === null ? '' : isScalar(keyNode) ? String(keyNode.value) : keyNode.toString();
    const keySpan = keyNode === null ? block.span : spanOfNode(keyNode);
    const valueSpan = valueNode === undefined || valueNode.range == null ? keySpan : spanOfNode(valueNode);
    return { key, keySpan, value: valueNode, valueSpan };
  });
  return { kind: 'parsed', span: block.span, entries, document, spanOfNode };
}

/** A human name for the shape of a YAML node, for messages. */
export function describeNode(node: YamlNode): string {
  if (isMap(node)) return 'a mapping';
  if (isScalar(node)) {
    const value = node.value;
    if (value === null) return 'nothing';
    if (typeof value === 'string') return `the text \`${value}\``;
    return `\`${node.source ?? typeof value}\``;
  }
  return node.constructor.name === 'YAMLSeq' ? 'a list' : 'an alias';
}
