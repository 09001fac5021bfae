import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configuredTemplates } from '../../src/io/templates.js';
import { planSite } from '../../src/site/build-site.js';
import type { SiteFile } from '../../src/site/search-document.js';
import { corpusCopies } from '../adopt/corpus-copy.js';
import { TODAY } from '../helpers.js';
import { loadProject } from '../load-project.js';
import { PROJECT_ROOT, sharedAvailable } from '../shared.js';
import { ids, siteSearch } from './search-harness.js';

/**
 * The search benchmark's query set (bench/search-queries.json, #14) on our search alone: each corpus
 * it names is loaded once with the config `runbook init` writes for it, only the search index of its
 * site is made (not its pages: that keeps the test short), and every query runs through the
 * browser's search core. `npm run bench -- --search` runs the same set in Chromium
 * and beside Pagefind, and prints the figures docs/site.md quotes.
 */
interface Query {
  readonly corpus: string;
  readonly query: string;
  readonly kind: 'alert' | 'typo' | 'symptom' | 'command';
  readonly expect: readonly string[];
}

const QUERIES = JSON.parse(readFileSync(join(PROJECT_ROOT, 'bench', 'search-queries.json'), 'utf8')) as readonly Query[];

/**
 * The share of queries with an accepted runbook among the first three below which this test fails:
 * a little under the figure of the ranking (52 of 56, 93 %, docs/site.md "Search quality"), so that
 * a harmless reordering passes and losing four queries does not.
 */
const TOP3_FLOOR = 0.87;

const available = sharedAvailable();
const { gitCopy, removeAll } = corpusCopies('runbook-search-quality-');
/** Each query's results (ids, best first), filled once every corpus is built. */
const found = new Map<Query, readonly string[]>();

beforeAll(async () => {
  if (!available) return;
  for (const corpus of [...new Set(QUERIES.map((query) => query.corpus))]) {
    const folder = gitCopy(corpus);
    copyFileSync(join(PROJECT_ROOT, 'test', 'adopt', 'golden-init', `${corpus}.yaml`), join(folder, 'runbook.config.yaml'));
    const project = await loadProject({ cwd: folder, paths: [], config: undefined, today: TODAY, git: false, render: true });
    const { runbooks, bodies, runbookDiagnostics: diagnostics, config, git } = project;
    const plan = planSite({ runbooks, bodies, diagnostics, config, today: TODAY, git, templates: configuredTemplates(config) }, { remember: false });
    const files = plan.paths().filter((path) => path.startsWith('search/')).map((path): SiteFile => ({ path, content: plan.file(path) ?? '' }));
    const search = siteSearch(files);
    for (const query of QUERIES.filter((entry) => entry.corpus === corpus)) found.set(query, ids(search.search(query.query, 10)));
  }
}, 180_000);

afterAll(() => {
  removeAll();
});

const first3 = (query: Query): readonly string[] => (found.get(query) ?? []).slice(0, 3);

describe.skipIf(!available)('search quality on the shared corpora (bench/search-queries.json)', () => {
  it('has the mix #14 asks for', () => {
    const count = (kind: Query['kind']): number => QUERIES.filter((query) => query.kind === kind).length;
    expect(QUERIES.length).toBeGreaterThanOrEqual(40);
    expect(count('alert')).toBeGreaterThanOrEqual(10);
    expect(count('typo')).toBeGreaterThanOrEqual(6);
    expect(count('symptom')).toBeGreaterThanOrEqual(12);
    expect(count('command')).toBeGreaterThanOrEqual(6);
  });

  it('ranks the runbook of every alert name first (as written, lower-case, a prefix)', () => {
    const alerts = QUERIES.filter((query) => query.kind === 'alert');
    const missed = alerts.filter((query) => !query.expect.includes(found.get(query)?.[0] ?? '')).map((query) => `${query.query} → ${first3(query).join(', ')}`);
    expect(missed).toEqual([]);
  });

  it(`finds an accepted runbook among the first three for at least ${String(TOP3_FLOOR * 100)} % of the queries`, () => {
    const hits = QUERIES.filter((query) => first3(query).some((id) => query.expect.includes(id)));
    expect(hits.length / QUERIES.length).toBeGreaterThanOrEqual(TOP3_FLOOR);
  });
});
