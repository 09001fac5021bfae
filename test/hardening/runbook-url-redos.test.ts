/**
 * A `runbook_url` of many template actions whose value is unknown (`{{ $labels.a }}` × 14 + `Z`)
 * made `coverage`, and `check` with `alerts.rules`, take 32 s: each unknown part was a `[\s\S]*` of
 * a backtracking RegExp, three times slower per part. The URL is now matched left to right.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandUrlTemplate, type UrlPart } from '../../src/check/coverage/url-template.js';
import { leadsTo } from '../../src/check/coverage/url-pattern.js';
import { growthOf, MAX_RATIO } from './growth.js';

const EXPECTED = ['https://runbooks.example.com/alerts/KubePodCrashLooping'];

/** The matching of the old code, a RegExp of `[\s\S]*` gaps: the reference for small patterns. */
function leadsToByRegExp(parts: readonly UrlPart[], expected: readonly string[]): boolean {
  const trimmed = (url: string): string => (url.endsWith('/') ? url.slice(0, -1) : url);
  const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const source = parts
    .map((part, index) => (part.kind === 'unknown' ? '[\\s\\S]*' : escaped(index === parts.length - 1 ? trimmed(part.text) : part.text)))
    .join('');
  return expected.map(trimmed).some((url) => new RegExp(`^${source}/?$`).test(url));
}

const unknownActions = (k: number): readonly UrlPart[] => expandUrlTemplate(`${'{{ $labels.a }}'.repeat(k)}Z`, 'KubePodCrashLooping');

describe('runbook_url of many unknown template actions (ReDoS)', () => {
  it('a runbook_url of 14 unknown actions and a letter no expected URL ends with is rejected at once (took 32 s)', () => {
    const parts = unknownActions(14);
    const started = Date.now();
    expect(leadsTo(parts, EXPECTED)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a runbook_url of k unknown actions takes linear time in k (k = 2,000 and 8,000)', () => {
    const growth = growthOf(2000, unknownActions, (parts) => leadsTo(parts, EXPECTED));
    expect(growth.ratio, JSON.stringify(growth)).toBeLessThan(MAX_RATIO);
  });

  it('unknown actions between texts that recur many times in the URL take linear time too', () => {
    const make = (k: number): readonly UrlPart[] => expandUrlTemplate(`${'a{{ $labels.a }}'.repeat(k)}Z`, 'X');
    const growth = growthOf(2000, make, (parts) => leadsTo(parts, ['a'.repeat(20_000)]));
    expect(growth.ratio, JSON.stringify(growth)).toBeLessThan(MAX_RATIO);
  });

  it('agrees with the old RegExp matching on small random patterns with unknown parts, and URLs', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '/'), minLength: 1, maxLength: 4 });
    const part: fc.Arbitrary<UrlPart> = fc.oneof(
      text.map((value) => ({ kind: 'text', text: value }) as const),
      fc.constant({ kind: 'unknown', action: '{{ $labels.a }}' } as const),
    );
    const url = fc.string({ unit: fc.constantFrom('a', 'b', '/'), maxLength: 10 });
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), fc.array(url, { minLength: 1, maxLength: 3 }), (parts, expected) => {
        fc.pre(parts.some((each) => each.kind === 'unknown'));
        expect(leadsTo(parts, expected)).toBe(leadsToByRegExp(parts, expected));
      }),
      { numRuns: 5000 },
    );
  });
});
