import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/site/search-index.js';
import { siteSearch } from './search-harness.js';
import { syntheticRunbooks } from './synthetic-runbooks.js';

/** The budget: what the first query of a 10,000-runbook site downloads, gzipped. */
const FIRST_QUERY_BUDGET = 300_000;

describe('the search index of 10,000 runbooks', () => {
  const runbooks = syntheticRunbooks(10_000, { vocabulary: 4000, bodyWords: 100 });
  const files = buildSearchIndex(runbooks);
  const byName = new Map(files.map((file) => [file.path.replace(/^search\/|\.js$/g, ''), file.content]));
  const gzipped = (name: string): number => gzipSync(byName.get(name) ?? '').length;

  /** The gzipped bytes a fresh page downloads to answer `query`, with the snippets of the results shown. */
  function firstQueryBytes(query: string): number {
    const site = siteSearch(files);
    const answer = site.search(query);
    expect(answer.kind === 'results' ? answer.total : 0, query).toBeGreaterThan(0);
    site.snippets(answer);
    return site.loaded.reduce((sum, name) => sum + gzipped(name), 0);
  }

  it('answers a first query within the download budget', () => {
    const [first] = runbooks;
    const alert = first?.alerts[0] ?? '';
    const bodyWord = first?.text.split(' ').at(-2) ?? '';
    // `co` starts the most words: its shard is the largest, and it matches nearly every runbook.
    // `disk full` loads the shards of its synonyms (filesystem, volume, space, storage, filling…) too.
    for (const query of [alert, alert.toLowerCase().slice(0, 8), bodyWord, 'co', `${bodyWord} co`, `disk full ${bodyWord}`]) {
      expect(firstQueryBytes(query), query).toBeLessThanOrEqual(FIRST_QUERY_BUDGET);
    }
  });

  it('splits the corpus into many files, none of them large', () => {
    expect(files.reduce((sum, file) => sum + file.content.length, 0)).toBeGreaterThan(10 * FIRST_QUERY_BUDGET);
    const [largest] = [...files].sort((a, b) => b.content.length - a.content.length);
    expect(gzipped(largest?.path.replace(/^search\/|\.js$/g, '') ?? '')).toBeLessThan(FIRST_QUERY_BUDGET / 2);
  });
});
