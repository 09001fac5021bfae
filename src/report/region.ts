import type { Point, Span } from '../model/diagnostic.js';

/**
 * A span that CI systems accept: lines and columns at least 1, and an end that does not come
 * before the start (a reversed end collapses onto the start). Spans come from parsers and rules,
 * so a bad one is a bug there; the report still renders rather than being rejected by the consumer.
 */
export function validRegion(span: Span): Span {
  const start = validPoint(span.start);
  const end = validPoint(span.end);
  const reversed = end.line < start.line || (end.line === start.line && end.column < start.column);
  return { start, end: reversed ? start : end };
}

function validPoint(point: Point): Point {
  return { line: atLeastOne(point.line), column: atLeastOne(point.column) };
}

function atLeastOne(value: number): number {
  return Number.isSafeInteger(value) && value >= 1 ? value : 1;
}
