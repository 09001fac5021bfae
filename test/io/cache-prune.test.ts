/**
 * The cache stays bounded (#16): entries not rewritten for a month go, then the oldest beyond the
 * size cap, at most once a day; nothing else in the folder is touched, no symlink is followed, and
 * pruning never changes a result (every entry is only an accelerator).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pruneCache } from '../../src/io/cache-prune.js';
import { runCli } from '../cli/run-cli.js';
import { PROJECT_ROOT } from '../shared.js';

const temporary = mkdtempSync(join(tmpdir(), 'runbook-cache-prune-'));
afterAll(() => {
  rmSync(temporary, { recursive: true, force: true });
});

const NOW = new Date('2026-12-05T03:00:00Z');
const DAY = 86_400_000;

/** Writes `path` with `size` bytes, last modified `daysAgo` days before NOW. */
function entry(path: string, daysAgo: number, size = 10): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, 'x'.repeat(size));
  const when = new Date(NOW.getTime() - daysAgo * DAY);
  utimesSync(path, when, when);
}

describe('pruneCache', () => {
  it('removes entries older than the limit and leftovers of failed writes, keeps young ones and everything that is not an entry', () => {
    const cache = join(temporary, 'aged');
    const v4 = join(cache, 'v4');
    entry(join(v4, 'ab', 'old.json'), 40);
    entry(join(v4, 'runs', 'old-run.json'), 31);
    entry(join(v4, 'ab', 'half.json.123.abc.tmp'), 45);
    entry(join(v4, 'ab', 'young.json'), 2);
    entry(join(v4, 'stamps', 'young.json'), 29);
    entry(join(v4, 'ab', 'notes.txt'), 400);
    entry(join(v4, 'top-level.json'), 400);
    entry(join(cache, 'v3', 'ab', 'older-format.json'), 400);
    entry(join(temporary, 'elsewhere', 'theirs.json'), 400);
    symlinkSync(join(temporary, 'elsewhere'), join(v4, 'linked'));
    expect(pruneCache(v4, NOW)).toEqual({ kind: 'pruned', removed: 3, kept: 2, bytes: 20 });
    expect(readdirSync(join(v4, 'ab')).sort()).toEqual(['notes.txt', 'young.json']);
    expect(readdirSync(join(v4, 'runs'))).toEqual([]);
    for (const kept of [join(v4, 'stamps', 'young.json'), join(v4, 'top-level.json'), join(cache, 'v3', 'ab', 'older-format.json'), join(temporary, 'elsewhere', 'theirs.json')]) expect(existsSync(kept), kept).toBe(true);
    // Once a day at most: the marker says it was just done.
    entry(join(v4, 'ab', 'old-again.json'), 40);
    expect(pruneCache(v4, new Date(NOW.getTime() + 3_600_000))).toEqual({ kind: 'not-due' });
    expect(pruneCache(v4, new Date(NOW.getTime() + DAY + 1_000))).toMatchObject({ kind: 'pruned', removed: 2 }); // old-again, and stamps/young.json now 30 days old
  });

  it('keeps the newest entries within the size cap', () => {
    const v4 = join(temporary, 'full', 'v4');
    for (let day = 1; day <= 10; day++) entry(join(v4, 'ab', `day-${day}.json`), day, 100);
    expect(pruneCache(v4, NOW, { maxAgeDays: 30, maxBytes: 350, everyHours: 24 })).toEqual({ kind: 'pruned', removed: 7, kept: 3, bytes: 300 });
    expect(readdirSync(join(v4, 'ab')).sort()).toEqual(['day-1.json', 'day-2.json', 'day-3.json']);
  });

  it('does nothing to a cache folder that does not exist yet', () => {
    expect(pruneCache(join(temporary, 'none', 'v4'), NOW)).toEqual({ kind: 'not-due' });
    expect(existsSync(join(temporary, 'none'))).toBe(false);
  });
});

describe('pruning never changes results', () => {
  it('gives the same diagnostics with a warm cache, after pruning it all, and after pruning half', async () => {
    const cache = join(temporary, 'run-cache');
    const env = { RUNBOOK_CACHE_DIR: cache };
    const check = async (): Promise<string> => (await runCli(['check', 'runbooks', '--format', 'json', '--today', '2026-11-27', '--no-git'], PROJECT_ROOT, env)).stdout;
    const cold = await check();
    expect(readdirSync(join(cache, 'v4'))).toContain('.pruned');
    expect(await check()).toBe(cold);
    expect(pruneCache(join(cache, 'v4'), new Date(Date.now() + 2 * DAY), { maxAgeDays: 30, maxBytes: 20_000, everyHours: 0 })).toMatchObject({ kind: 'pruned' });
    expect(await check()).toBe(cold);
    expect(pruneCache(join(cache, 'v4'), new Date(Date.now() + 40 * DAY), { maxAgeDays: 30, maxBytes: 0, everyHours: 0 })).toMatchObject({ kind: 'pruned', kept: 0 });
    expect(await check()).toBe(cold);
  });
});
