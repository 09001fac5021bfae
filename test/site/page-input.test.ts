import { describe, expect, it } from 'vitest';
import { requestDigest } from '../../src/site/page-input.js';
import type { PageRequest } from '../../src/site/templates.js';

const request = (data: Readonly<Record<string, unknown>>): PageRequest => ({ template: 'runbook', path: 'a/index.html', title: 'A', page: 'runbook', data });

describe('a page request digest', () => {
  it('is the same for the same plain data, a field that is undefined counting as absent', () => {
    expect(requestDigest('frame', request({ a: 1, b: undefined }))).toBe(requestDigest('frame', request({ a: 1 })));
    expect(requestDigest('frame', request({ a: 1 }))).toMatch(/^[0-9a-f]{32}$/);
  });

  it('differs with the frame, any value, the order of fields, and undefined from null in a list', () => {
    const digest = requestDigest('frame', request({ a: 1, b: [null] }));
    expect(requestDigest('other', request({ a: 1, b: [null] }))).not.toBe(digest);
    expect(requestDigest('frame', request({ a: 2, b: [null] }))).not.toBe(digest);
    expect(requestDigest('frame', request({ b: [null], a: 1 }))).not.toBe(digest);
    expect(requestDigest('frame', request({ a: 1, b: [undefined] }))).not.toBe(digest);
  });

  it('is none for what is not plain data: the page is then always rendered', () => {
    for (const value of [new Map([['a', 1]]), new Date(0), Number.NaN, () => 1, { toJSON: () => 'x' }]) {
      expect(requestDigest('frame', request({ value }))).toBeUndefined();
    }
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(requestDigest('frame', request({ cycle }))).toBeUndefined();
  });
});
