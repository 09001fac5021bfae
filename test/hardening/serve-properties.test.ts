/**
 * Property test of `serve` against generated request-targets: random bytes (raw or percent-encoded),
 * dot segments (plain and encoded), repeated slashes, backslashes and encoded slashes. Whatever the
 * target, the server answers (no crash, no 500), every redirect stays on this server and lands in
 * one hop, and no file outside the site (sentinels planted beside and inside the project) is served.
 *
 * Seed and runs as in test/reliability/properties.test.ts: `RUNBOOK_FC_SEED`, `RUNBOOK_FC_RUNS`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SENTINEL, expectSameSiteLocation, get, projectWithSentinels, rawGet, servedThroughout } from '../cli/serve-harness.js';

const SEED = process.env.RUNBOOK_FC_SEED === undefined ? 20261204 : Number(process.env.RUNBOOK_FC_SEED);
const RUNS = process.env.RUNBOOK_FC_RUNS === undefined ? 150 : Number(process.env.RUNBOOK_FC_RUNS);
if (!Number.isInteger(SEED) || !Number.isInteger(RUNS) || RUNS < 1) {
  throw new Error(`RUNBOOK_FC_SEED \`${process.env.RUNBOOK_FC_SEED ?? ''}\` and RUNBOOK_FC_RUNS \`${process.env.RUNBOOK_FC_RUNS ?? ''}\` must be integers (runs ≥ 1)`);
}

/** A byte as it may appear in a request line: raw when it cannot end the line or the target, else `%XX`. */
const byte: fc.Arbitrary<string> = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.boolean()).map(([value, raw]) =>
  raw && ((value > 0x20 && value < 0x7f) || value > 0x7f) ? String.fromCharCode(value) : `%${value.toString(16).padStart(2, '0')}`,
);

const segment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', '.', '..', '%2e', '%2E%2e', '.%2e', '%2e.', '%2f', '%2F%2F', '%5c', '%5C%5C', '\\', '%00', '%ff', '%', '%e2%80', '%c0%ae%c0%ae', '%0d%0a'),
  fc.constantFrom('sentinel.txt', 'project', 'site', 'runbooks', 'disk-full', 'disk-full.md', 'teams', 'alerts', 'DiskFull', 'assets', 'index.html', '__runbook', 'events', 'evil.example', '@evil.example'),
  fc.constantFrom('?', '?x=//evil.example', '#', '?q=%ff', '?a=/\\b'),
  fc.array(byte, { maxLength: 8 }).map((bytes) => bytes.join('')),
);

const separator: fc.Arbitrary<string> = fc.constantFrom('/', '/', '/', '//', '\\', '/\\', '/./', '/../', '%2f');

/** A request-target: mostly starting with `/`, sometimes with `//`, `\` or nothing at all. */
const target: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('/', '/', '/', '//', '\\', '/\\', ''), fc.array(fc.tuple(segment, separator), { maxLength: 8 }), segment)
  .map(([start, pairs, last]) => `${start}${pairs.map(([text, slash]) => `${text}${slash}`).join('')}${last}`)
  .filter((text) => text !== '');

const running = servedThroughout(projectWithSentinels);

describe(`serve on generated request-targets (seed ${SEED}, ${RUNS} runs)`, () => {
  it('never crashes, never redirects to //… or /\\…, and never serves a file outside the site', async () => {
    await fc.assert(
      fc.asyncProperty(target, async (sent) => {
        const response = await rawGet(running().port, sent);
        expect(response.status, sent).toBeGreaterThanOrEqual(200);
        expect([200, 301, 400, 404, 414, 431], sent).toContain(response.status);
        expect(response.body, sent).not.toContain(SENTINEL);
        expectSameSiteLocation(response);
        if (response.status === 301) {
          const followed = await rawGet(running().port, String(response.headers.location));
          expect([200, 404], `${sent} → ${String(response.headers.location)}`).toContain(followed.status);
          expect(followed.body).not.toContain(SENTINEL);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    const home = await get(running().base);
    expect(home.status).toBe(200);
    expect(home.body).toContain('Disk full');
  }, 120_000);
});
