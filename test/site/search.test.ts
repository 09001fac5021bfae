import { describe, expect, it } from 'vitest';
import type { SearchDocument, SiteFile } from '../../src/site/search-document.js';
import { SEARCH_FORMAT_VERSION, buildSearchIndex } from '../../src/site/search-index.js';
import { shardKey } from '../../src/site/search-tokens.js';
import { RUNBOOKS } from './search-fixtures.js';
import { ids, loadCore, siteSearch, type Answer } from './search-harness.js';

const FILES = buildSearchIndex(RUNBOOKS);

function search(text: string): Answer {
  return siteSearch(FILES).search(text);
}

function first(text: string): string | undefined {
  return ids(search(text))[0];
}

describe('search ranking', () => {
  it('ranks the runbook of an exact alert name first, above runbooks that mention it', () => {
    const found = ids(search('PostgresPrimaryDown'));
    expect(found[0]).toBe('database/primary-down');
    expect(found).toContain('database/replica-lag');
  });

  it('ranks it first when the alert name is typed in lower case or as a prefix', () => {
    expect(first('postgresprimarydown')).toBe('database/primary-down');
    expect(first('postgresprim')).toBe('database/primary-down');
    expect(first('PostgresPrim')).toBe('database/primary-down');
  });

  it('finds snake_case alert names whole and by their parts', () => {
    expect(first('disk_usage_high')).toBe('storage/disk-full');
    expect(first('DISK_USAGE_HIGH')).toBe('storage/disk-full');
    expect(ids(search('usage'))).toEqual(['storage/disk-full']);
  });

  it('finds CamelCase alert names by a part of the name', () => {
    expect(first('primary')).toBe('database/primary-down');
    expect(first('crash')).toBe('kubernetes/crashloop');
    expect(first('p99')).toBe('api/latency');
  });

  it('weighs where a word occurs: alert, title, tag, heading, body', () => {
    const base = { service: undefined, owner: undefined, severity: undefined, status: 'Fresh', tags: [], headings: [], text: '', alerts: [], title: 'Other' };
    const documents: readonly SearchDocument[] = [
      { ...base, id: 'a-body', url: 'a/index.html', text: 'The zephyr service' },
      { ...base, id: 'b-title', url: 'b/index.html', title: 'Zephyr is slow' },
      { ...base, id: 'c-alert', url: 'c/index.html', alerts: ['ZephyrDown'] },
      { ...base, id: 'd-heading', url: 'd/index.html', headings: ['Restart zephyr'] },
      { ...base, id: 'e-tag', url: 'e/index.html', tags: ['zephyr'] },
    ];
    expect(ids(siteSearch(buildSearchIndex(documents)).search('zephyr'))).toEqual(['c-alert', 'b-title', 'd-heading', 'e-tag', 'a-body']);
  });

  it('finds a word that only one runbook has in its body', () => {
    expect(ids(search('restic'))).toEqual(['backups/backup-failed']);
    expect(ids(search('certbot'))).toEqual(['network/certificate-expiry']);
  });

  it('matches prefixes of words', () => {
    expect(ids(search('cert'))).toContain('network/certificate-expiry');
    expect(ids(search('kub'))).toEqual(expect.arrayContaining(['kubernetes/crashloop', 'kubernetes/node-not-ready']));
  });

  it('finds words with one typo, anywhere in the word', () => {
    for (const typo of ['primray', 'pirmary', 'rpimary', 'brimary', 'rimary', 'pprimary', 'primaryy']) {
      expect(first(typo), typo).toBe('database/primary-down');
    }
    expect(first('dsik full')).toBe('storage/disk-full');
    expect(first('elastcsearch')).toBe('search/cluster-red');
  });

  it('finds a compound by its parts when the index does not have it whole, and alert names with a typo', () => {
    expect(first('PrimaryDown')).toBe('database/primary-down');
    expect(first('primary_down')).toBe('database/primary-down');
    expect(first('PostgresPrimaryDonw')).toBe('database/primary-down');
    expect(first('PostgresPrimray')).toBe('database/primary-down');
  });

  it('does not guess typos in short words', () => {
    expect(ids(search('dsk'))).toEqual([]);
  });

  it('ranks runbooks with every word first, then, when they are few, runbooks with some of them', () => {
    expect(ids(search('replica'))).toEqual(expect.arrayContaining(['database/primary-down', 'database/replica-lag']));
    const answer = search('replica lag');
    expect(ids(answer)[0]).toBe('database/replica-lag');
    expect(answer).toMatchObject({ allWords: 1 });
    expect(answer.kind === 'results' ? answer.results.map((result) => result.allWords) : []).toEqual([true, ...ids(answer).slice(1).map(() => false)]);
    const neither = search('kafka restic');
    expect(neither).toMatchObject({ allWords: 0, total: 2 });
    expect(ids(neither)).toEqual(expect.arrayContaining(['backups/backup-failed']));
  });

  it('ignores stop words unless the query has nothing else', () => {
    expect(ids(search('the restic'))).toEqual(['backups/backup-failed']);
    expect(search('the').kind).toBe('results');
  });

  it('answers empty for a query without words, and no results for unknown words', () => {
    expect(search('').kind).toBe('empty');
    expect(search('  -- ').kind).toBe('empty');
    expect(search('zzzzqqq')).toEqual({ kind: 'results', total: 0, allWords: 0, incomplete: false, terms: [], results: [] });
  });

  it('folds case and Latin accents, and keeps other scripts', () => {
    expect(first('uber latenz')).toBe('payments/zahlung-uber-latenz');
    expect(first('cafe')).toBe('payments/zahlung-uber-latenz');
    expect(first('ПЛАТЁЖНОГО')).toBe('payments/zahlung-uber-latenz');
    expect(first('prufe')).toBe('payments/zahlung-uber-latenz');
  });

  it('returns what a result shows, with the url rebuilt or kept as built', () => {
    const answer = search('PostgresPrimaryDown');
    expect(answer.kind === 'results' ? answer.results[0]?.document : undefined).toEqual({
      id: 'database/primary-down',
      title: 'Primary database down',
      url: 'runbooks/database/primary-down/index.html',
      alerts: ['PostgresPrimaryDown'],
      service: 'orders-db',
      owner: 'data',
      severity: 'critical',
      status: 'Never tested',
    });
    const other = search('PrometheusTargetDown');
    expect(other.kind === 'results' ? other.results[0]?.document : undefined).toEqual({
      id: 'observability/target-down',
      title: 'Prometheus target down',
      url: 'runbooks/observability/target-down-2/index.html',
      alerts: ['PrometheusTargetDown'],
      severity: 'low',
      status: 'Due soon',
    });
  });

  it('gives the same order for equal scores every time (runbook id order)', () => {
    const found = ids(search('kubernetes'));
    expect(found).toEqual(['kubernetes/crashloop', 'kubernetes/node-not-ready']);
  });
});

describe('search loading', () => {
  it('loads only the manifest, the shards of the term and its parts and the rows it shows', () => {
    const site = siteSearch(FILES);
    site.search('PostgresPrimaryDown');
    expect(site.loaded.map(keyOf)).toEqual(['manifest', 'terms-po', 'terms-do', 'terms-pr', 'docs-0']);
    site.search('postgres');
    expect(site.loaded.map(keyOf)).toEqual(['manifest', 'terms-po', 'terms-do', 'terms-pr', 'docs-0']);
  });

  it('reports results as incomplete when a data file is missing, and does not ask for it again', () => {
    const site = siteSearch(FILES.filter((file) => file.path !== pathOf(FILES, 'terms-re')));
    expect(site.search('restic')).toMatchObject({ kind: 'results', total: 0, incomplete: true });
    expect(site.search('restic replay')).toMatchObject({ kind: 'results', incomplete: true });
    expect(site.loaded.filter((name) => keyOf(name) === 'terms-re')).toHaveLength(1);
  });

  it('is unavailable without a manifest', () => {
    expect(siteSearch(FILES.filter((file) => file.path !== 'search/manifest.js')).search('disk')).toEqual({ kind: 'unavailable' });
  });

  it('never mixes data files of two builds: a file changed between them has another name', () => {
    const other = buildSearchIndex(RUNBOOKS.slice(1));
    const otherPath = pathOf(other, 'terms-re');
    expect(otherPath).not.toBe(pathOf(FILES, 'terms-re'));
    // The other build's file in this build's folder is never asked for: this build's is missing.
    const mixed = [...FILES.filter((file) => file.path !== pathOf(FILES, 'terms-re')), ...other.filter((file) => file.path === otherPath)];
    expect(siteSearch(mixed).search('restic')).toMatchObject({ kind: 'results', total: 0, incomplete: true });
    // Files whose data did not change keep their names, so a build writes only those that did.
    const unchanged = other.filter((file) => file.path !== 'search/manifest.js' && FILES.some((candidate) => candidate.path === file.path));
    expect(unchanged.length).toBeGreaterThan(0);
    for (const file of unchanged) expect(file.content).toBe(FILES.find((candidate) => candidate.path === file.path)?.content);
  });

  it('refuses data files of another format version', () => {
    const { core } = loadCore();
    const index = core.createIndex();
    expect(index.register('manifest', { version: SEARCH_FORMAT_VERSION - 1 })).toBe(false);
  });
});

describe('search index files', () => {
  it('are byte-identical for the same runbooks in any order', () => {
    const shuffled = [...RUNBOOKS].reverse();
    expect(buildSearchIndex(shuffled)).toEqual(FILES);
  });

  it('have names safe on every file system, also for terms in other scripts', () => {
    const names = FILES.map((file) => file.path);
    for (const name of names) expect(name).toMatch(/^search\/(manifest|(docs-\d+|terms-[a-z0-9_]+|tails-[a-z0-9_]+)\.[0-9a-f]{32}|text\/[0-9a-f]{32})\.js$/);
    expect(shardKey('支付网关故障')).toMatch(/^_[a-z0-9]+$/);
    expect(pathOf(FILES, `terms-${shardKey('支付网关故障')}`)).toBeDefined();
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
  });

  it('are scripts that register their data, in the format version the browser reads', () => {
    const { core } = loadCore();
    expect(core.FORMAT_VERSION).toBe(SEARCH_FORMAT_VERSION);
    for (const file of FILES) expect(file.content).toMatch(/^window\.runbookSearch\.register\("[a-z0-9_/.-]+", \{"version":3,.*\}\);\n$/s);
    for (const file of FILES) expect(file.content).toContain(`register("${file.path.slice('search/'.length, -'.js'.length)}", `);
  });

  it('store a posting as the gap to the previous runbook and the fields when not only the body', () => {
    const shard = fileData(FILES, pathOf(FILES, 'terms-re') ?? '');
    const terms = shard.terms as string[];
    const postings = shard.postings as string[];
    const number = (id: string): number => [...RUNBOOKS].map((runbook) => runbook.id).sort().indexOf(id);
    // restic: only in the body of backups/backup-failed.
    expect(number('backups/backup-failed')).toBe(3);
    expect(postings[terms.indexOf('restic')]).toBe('3');
    // replica: in database/primary-down (body 1 + heading 2) and the next, database/replica-lag
    // (body 1 + id 8 + title 16 + alert part 32 = 57, `1l` in base 36).
    expect([number('database/primary-down'), number('database/replica-lag')]).toEqual([7, 8]);
    expect(postings[terms.indexOf('replica')]).toBe('7.3,1.1l');
  });

  it('are empty but valid for a site without runbooks', () => {
    const files = buildSearchIndex([]);
    expect(files.map((file) => file.path)).toEqual(['search/manifest.js']);
    expect(siteSearch(files).search('disk')).toEqual({ kind: 'results', total: 0, allWords: 0, incomplete: false, terms: [], results: [] });
  });
});

describe('queryFromPath', () => {
  it('takes the last segment of a "not found" address, decoded', () => {
    const { core } = loadCore();
    expect(core.queryFromPath('/site/alerts/DiskFull/')).toBe('DiskFull');
    expect(core.queryFromPath('/alerts/disk%20full/index.html')).toBe('disk full');
    expect(core.queryFromPath('/alerts/KubeNodeNotReady.html')).toBe('KubeNodeNotReady');
    expect(core.queryFromPath('/alerts/%E0%A4%A')).toBe('%E0%A4%A');
    expect(core.queryFromPath('/')).toBe('');
    expect(core.queryFromPath('/home/me/site/404.html')).toBe('');
  });
});

function fileData(files: readonly SiteFile[], path: string): Record<string, unknown> {
  const content = files.find((file) => file.path === path)?.content ?? '';
  const json = content.slice(content.indexOf(', ') + 2, content.lastIndexOf(');'));
  return JSON.parse(json) as Record<string, unknown>;
}

/** A data file's key: its name without the digest (`terms-re.0123456789abcdef` → `terms-re`). */
function keyOf(name: string): string {
  return name.replace(/\.[0-9a-f]{32}$/, '');
}

/** The path of the data file `key` (`terms-re`) among `files`. */
function pathOf(files: readonly SiteFile[], key: string): string | undefined {
  return files.find((file) => keyOf(file.path.slice('search/'.length, -'.js'.length)) === key)?.path;
}
