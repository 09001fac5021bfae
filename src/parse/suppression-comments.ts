import type { Root } from 'mdast';
import type { Node } from 'unist';
import type { Point } from '../model/diagnostic.js';
import { directiveWord, SUPPRESSION_DIRECTIVES, type Suppression } from '../model/suppression.js';
import { lineColumns } from '../text/line-column.js';
import { visit } from './body.js';
import { closest } from './closest.js';


/** The separator between the rules and the reason, as in ESLint's directives: two or more dashes between spaces. */
const REASON = /(?:^|\s)-{2,}(?:\s|$)/;

const WORDS = SUPPRESSION_DIRECTIVES.map(directiveWord);

/**
 * The suppression comments of a parsed file (`<!-- runbook-disable-next-line RULE -- reason -->`…),
 * in the order written, each with the span of its comment as it is in the source. Only HTML nodes
 * hold them, so a comment inside code (a code block or span) is never one; a comment whose first
 * word is not `runbook-…` close to a directive is an ordinary comment.
 */
export function findSuppressions(tree: Root, sourceLines: readonly string[]): readonly Suppression[] {
  const found: Suppression[] = [];
  visit(tree, (node: Node) => {
    if (node.type !== 'html') return;
    const value = (node as unknown as { value: string }).value;
    const start = node.position?.start;
    if (start === undefined || !value.includes('<!--')) return;
    const pointIn = lineColumns(value);
    const valueLines = value.split(/\r\n|\r|\n/);
    const pointAt = (offset: number): Point => {
      const inValue = pointIn(offset);
      const line = start.line + inValue.line - 1;
      if (inValue.line === 1) return { line, column: start.column + inValue.column - 1 };
      // Later lines of a node inside a block quote or list lost their prefix (`> `, indentation).
      const valueLine = valueLines[inValue.line - 1] ?? '';
      const sourceLine = sourceLines[line - 1] ?? '';
      return { line, column: (sourceLine.endsWith(valueLine) ? sourceLine.length - valueLine.length : 0) + inValue.column };
    };
    for (const comment of commentsIn(value)) {
      const span = { start: pointAt(comment.start), end: pointAt(comment.end) };
      const suppression = readComment(comment.text, span);
      if (suppression !== undefined) found.push(suppression);
    }
  });
  return found;
}

/**
 * The comments of an HTML node's value (`<!--` to the next `-->`), in linear time: once a comment
 * does not close, none after it does (found with a regex, thousands of `<!--` that never close were
 * each scanned to the end of the node: 240 KB took 16 s of `check`).
 */
function* commentsIn(value: string): Generator<{ readonly start: number; readonly end: number; readonly text: string }> {
  for (let start = value.indexOf('<!--'); start !== -1; ) {
    const close = value.indexOf('-->', start + 4);
    if (close === -1) return;
    yield { start, end: close + 3, text: value.slice(start + 4, close) };
    start = value.indexOf('<!--', close + 3);
  }
}

/** The suppression a comment's text makes, or undefined for an ordinary comment. */
function readComment(text: string, span: Suppression['span']): Suppression | undefined {
  const trimmed = text.trim();
  const word = trimmed.split(/\s/, 1)[0] ?? '';
  if (!word.startsWith('runbook-')) return undefined;
  const directive = SUPPRESSION_DIRECTIVES.find((known) => directiveWord(known) === word);
  if (directive === undefined) {
    const suggestion = closest(word, WORDS);
    const meant = suggestion !== undefined || word.startsWith('runbook-disable') || word.startsWith('runbook-enable');
    return meant ? { kind: 'malformed', problem: { kind: 'unknown-directive', directive: word, suggestion }, span } : undefined;
  }
  const rest = trimmed.slice(word.length);
  const separator = REASON.exec(rest);
  const rules = (separator === null ? rest : rest.slice(0, separator.index)).split(/[\s,]+/).filter((rule) => rule !== '');
  const reason = separator === null ? '' : rest.slice(separator.index + separator[0].length).trim();
  const [first, ...others] = rules;
  if (first === undefined) return { kind: 'malformed', problem: { kind: 'no-rule', directive }, span };
  if (directive === 'enable') return { kind: 'enable', rules: [first, ...others], span };
  if (reason === '') return { kind: 'malformed', problem: { kind: 'no-reason', directive }, span };
  return { kind: directive, rules: [first, ...others], reason: reason.replace(/\s+/g, ' '), span };
}

