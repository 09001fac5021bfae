import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../src/site/search-document.js';
import { buildSearchIndex } from '../../src/site/search-index.js';
import { stem } from '../../src/site/search-tokens.js';
import { RUNBOOKS } from './search-fixtures.js';
import { ids, loadCore, siteSearch, type Answer, type SnippetSegment } from './search-harness.js';

const BASE = { service: undefined, owner: undefined, severity: undefined, status: 'Fresh', tags: [], headings: [], text: '', alerts: [], title: 'Other' };

function doc(id: string, fields: Partial<SearchDocument>): SearchDocument {
  return { ...BASE, id, url: `${id}/index.html`, ...fields };
}

const SITE = siteSearch(buildSearchIndex(RUNBOOKS));

describe('BM25 ranking', () => {
  it('ranks a runbook that says a word more often, for its length, above one that says it once', () => {
    const filler = 'alpha beta gamma delta epsilon zeta eta theta iota kappa '.repeat(5);
    const documents = [
      doc('once', { text: `${filler} rollback` }),
      doc('often', { text: 'rollback the rollback then verify the rollback' }),
      doc('long', { text: `${filler} ${filler} rollback rollback rollback` }),
    ];
    expect(ids(siteSearch(buildSearchIndex(documents)).search('rollback'))).toEqual(['often', 'long', 'once']);
  });

  it('weighs a rare word above a common one', () => {
    const documents = [doc('a', { text: 'common rare' }), doc('b', { text: 'common common' }), doc('c', { text: 'common' }), doc('d', { text: 'common rare' }), doc('e', { text: 'rare' })];
    const answer = siteSearch(buildSearchIndex(documents)).search('common rare');
    expect(ids(answer).slice(0, 2)).toEqual(['a', 'd']);
  });

  it('keeps the runbook of a whole alert name first, above runbooks that repeat its words', () => {
    const documents = [doc('alert', { alerts: ['QueueStuck'] }), doc('talk', { title: 'Queue stuck', text: 'queue stuck queue stuck queuestuck' })];
    expect(ids(siteSearch(buildSearchIndex(documents)).search('QueueStuck'))[0]).toBe('alert');
  });
});

describe('compound words and alert-name prefixes', () => {
  it('find the runbook with the parts of a compound apart, also when another mentions it whole', () => {
    const documents = [doc('mention', { text: 'Also watch BlockedUserAttemptsIsHigh, see the other page.' }), doc('runbook', { title: 'Blocked user attempts are high' })];
    expect(ids(siteSearch(buildSearchIndex(documents)).search('BlockedUserAttemptsIsHigh'))[0]).toBe('runbook');
  });

  it('give no alert-name bonus to a prefix that is a word of its own', () => {
    const documents = [doc('manager', { alerts: ['AlertmanagerDown'] }), doc('sent', { title: 'Alerts not sent', text: 'alert alert' })];
    const site = siteSearch(buildSearchIndex(documents));
    expect(ids(site.search('alerts'))[0]).toBe('sent');
    expect(ids(site.search('alertman'))[0]).toBe('manager');
  });
});

describe('stemming', () => {
  it('reduces plurals and -ing/-ed forms, conservatively', () => {
    const cases = { restarting: 'restart', restarted: 'restart', restarts: 'restart', queries: 'query', retried: 'retry', scaling: 'scale', running: 'run', killed: 'kill', processes: 'process', status: 'status', analysis: 'analysis', need: 'need', used: 'use', string: 'string', dies: 'dies', k8s: 'k8s', pod: 'pod' };
    for (const [word, stemmed] of Object.entries(cases)) expect(stem(word), word).toBe(stemmed);
  });

  it('agrees with the browser on every word of the shared fixtures and on odd words', () => {
    const { core } = loadCore();
    const words = new Set(RUNBOOKS.flatMap((runbook) => runbook.text.toLowerCase().split(/[^a-z]+/)));
    for (const word of [...words, 'sses', 'ies', 'eds', 'ings', 'aaing', 'bbed', 'xing', 'ying', 'hopping', 'fizzing']) expect(core.stem(word), word).toBe(stem(word));
  });

  it('finds a runbook by another form of its words, and alert names still exactly', () => {
    expect(ids(SITE.search('restarting'))).toEqual(ids(SITE.search('restart')));
    expect(ids(SITE.search('promoting replicas'))).toContain('database/primary-down');
    expect(ids(SITE.search('NodeFilesystemFilesFillingUp'))[0]).toBe('storage/inodes');
  });
});

describe('synonyms', () => {
  const documents = [doc('fs', { title: 'Filesystem almost full' }), doc('disk', { title: 'Disk almost full' }), doc('mem', { text: 'The container ran out of memory and was killed.' })];

  it('find runbooks by a word of the same group, below those with the word itself', () => {
    const site = siteSearch(buildSearchIndex(documents));
    expect(ids(site.search('disk full'))).toEqual(['disk', 'fs']);
    expect(ids(site.search('oom killed'))).toEqual(['mem']);
  });

  it('can be extended by the config', () => {
    expect(ids(siteSearch(buildSearchIndex(documents)).search('ephemeral'))).toEqual([]);
    expect(ids(siteSearch(buildSearchIndex(documents, { synonyms: [['Ephemeral', 'Filesystems']] })).search('ephemeral'))).toEqual(['fs']);
  });
});

describe('snippets', () => {
  const text = (segments: readonly SnippetSegment[] | undefined): string => (segments ?? []).map((segment) => (segment.mark ? `[${segment.text}]` : segment.text)).join('');

  it('show the passage with the most matched words, marked, with stems and synonyms', () => {
    const filler = 'Nothing to see here at all. '.repeat(12);
    const documents = [doc('a', { title: 'Disk', text: `${filler}When the filesystem is full, restarting the pods frees space. ${filler}` })];
    const site = siteSearch(buildSearchIndex(documents));
    const answer = site.search('disk restart');
    expect(text(site.snippets(answer)[0])).toMatch(/^… .*When the \[filesystem\] is full, \[restarting\] the pods frees \[space\]\. .* …$/);
  });

  it('are text, never markup, whatever the runbook says', () => {
    const { core } = loadCore();
    const segments = core.snippet('Run <script>alert(1)</script> & <b>restart</b>', new Set(['restart', 'script']));
    expect(segments.map((segment) => segment.text).join('')).toBe('Run <script>alert(1)</script> & <b>restart</b>');
    expect(segments.filter((segment) => segment.mark).map((segment) => segment.text)).toEqual(['script', 'script', 'restart']);
  });

  it('load one small text file per result shown, after the results', () => {
    const site = siteSearch(buildSearchIndex(RUNBOOKS));
    const answer: Answer = site.search('restic');
    expect(site.loaded.filter((name) => name.startsWith('text/'))).toEqual([]);
    expect(text(site.snippets(answer)[0])).toContain('[restic]');
    expect(site.loaded.filter((name) => name.startsWith('text/'))).toHaveLength(1);
  });
});
