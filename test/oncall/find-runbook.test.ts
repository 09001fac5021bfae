import { describe, expect, it } from 'vitest';
import { findRunbook, suggestionsFor, type FindResult } from '../../src/oncall/find-runbook.js';
import type { Findable } from '../../src/parse/findable.js';
import { searchByWords } from '../../src/oncall/word-search.js';

const item = (id: string, title: string, alerts: readonly string[] = []): Findable => ({ id, file: `runbooks/${id}.md`, title, alerts });

const PRIMARY = item('database/primary-down', 'Primary database down', ['PostgresPrimaryDown', 'OrdersDbWritesFailing']);
const RESTORE = item('database/restore-from-backup', 'Restore orders-db from backup', ['OrdersDbBackupMissing']);
const DISK_FULL = item('hosts/disk-full', 'Disk full on a node', ['NodeDiskFull']);
const DISK_LATENCY = item('hosts/disk-latency', 'Disk latency high', ['NodeDiskLatencyHigh']);
const RETRY = item('payments/retry-storm', 'Retry storm on payments-api', ['PaymentsDegraded']);
const DECLINES = item('payments/card-declines', 'Card declines spike', ['PaymentsDegraded']);
const ITEMS = [PRIMARY, RESTORE, DISK_FULL, DISK_LATENCY, RETRY, DECLINES];

/** The ids a result points at, and how. */
function summary(result: FindResult<Findable>): string {
  if (result.kind === 'found') return `found ${result.item.id} by ${result.by}`;
  if (result.kind === 'ambiguous') return `ambiguous by ${result.by}: ${result.candidates.map((candidate) => candidate.id).join(', ')}`;
  return `none; suggest ${result.suggestions.map((suggestion) => `${suggestion.name} (${suggestion.kind})`).join(', ')}`;
}

describe('findRunbook', () => {
  it('finds a runbook by the exact name of an alert it answers', () => {
    expect(summary(findRunbook(ITEMS, 'PostgresPrimaryDown', 'search'))).toBe('found database/primary-down by alert');
  });

  it('finds a runbook by an alert name in any case', () => {
    expect(summary(findRunbook(ITEMS, 'postgresprimarydown', 'search'))).toBe('found database/primary-down by alert');
    expect(summary(findRunbook(ITEMS, 'NODEDISKFULL', 'exact'))).toBe('found hosts/disk-full by alert');
  });

  it('reports an alert answered by several runbooks as ambiguous', () => {
    expect(summary(findRunbook(ITEMS, 'PaymentsDegraded', 'search'))).toBe('ambiguous by alert: payments/retry-storm, payments/card-declines');
  });

  it('prefers the one runbook with the exact case when an alert differs only in case', () => {
    const lower = item('other/lower', 'Lower', ['paymentsdegraded']);
    expect(summary(findRunbook([RETRY, lower], 'paymentsdegraded', 'search'))).toBe('found other/lower by alert');
  });

  it('finds a runbook by id, by its file, and by id in any case', () => {
    expect(summary(findRunbook(ITEMS, 'hosts/disk-full', 'exact'))).toBe('found hosts/disk-full by id');
    expect(summary(findRunbook(ITEMS, './runbooks/hosts/disk-full.md', 'exact'))).toBe('found hosts/disk-full by file');
    expect(summary(findRunbook(ITEMS, 'Hosts/Disk-Full', 'exact'))).toBe('found hosts/disk-full by id');
  });

  it('tries alert names before ids in any case, but never passes over an exact id for another runbook\'s alert', () => {
    const confusing = item('nodediskfull', 'An id that looks like an alert');
    expect(summary(findRunbook([DISK_FULL, confusing], 'NodeDiskFull', 'search'))).toBe('found hosts/disk-full by alert');
    expect(summary(findRunbook([DISK_FULL, confusing], 'nodediskfull', 'exact'))).toBe('ambiguous by alert-and-id: nodediskfull, hosts/disk-full');
  });

  it('finds a runbook by its exact title', () => {
    expect(summary(findRunbook(ITEMS, 'disk latency high', 'search'))).toBe('found hosts/disk-latency by title');
  });

  it('finds a runbook by words of its title despite a typo', () => {
    expect(summary(findRunbook(ITEMS, 'primry databse', 'search'))).toBe('found database/primary-down by search');
    expect(summary(findRunbook(ITEMS, 'PostgresPrimaryDwon', 'search'))).toBe('found database/primary-down by search');
  });

  it('finds a runbook by word prefixes', () => {
    expect(summary(findRunbook(ITEMS, 'rest back', 'search'))).toBe('found database/restore-from-backup by search');
  });

  it('lists every runbook when words fit several equally well', () => {
    expect(summary(findRunbook(ITEMS, 'disk', 'search'))).toBe('ambiguous by search: hosts/disk-full, hosts/disk-latency');
  });

  it('picks the runbook that matches the words clearly better', () => {
    expect(summary(findRunbook(ITEMS, 'disk full', 'search'))).toBe('found hosts/disk-full by search');
  });

  it('does not search words when only exact names are allowed, and suggests the hits instead', () => {
    expect(summary(findRunbook(ITEMS, 'primary down', 'exact'))).toBe('none; suggest Primary database down (title)');
  });

  it('suggests the closest alert names, ids and titles when nothing matches', () => {
    expect(summary(findRunbook(ITEMS, 'PostgresPrimaryDwn', 'search'))).toBe('none; suggest PostgresPrimaryDown (alert)');
    expect(summary(findRunbook(ITEMS, 'hosts/disk-ful', 'exact'))).toBe('none; suggest hosts/disk-full (id)');
  });

  it('suggests nothing for a query close to no name', () => {
    expect(summary(findRunbook(ITEMS, 'kubernetes', 'search'))).toBe('none; suggest ');
  });

  it('finds nothing in an empty collection and for an empty query', () => {
    expect(summary(findRunbook([], 'anything', 'search'))).toBe('none; suggest ');
    expect(findRunbook(ITEMS, '   ', 'search').kind).toBe('none');
  });
});

describe('searchByWords', () => {
  it('needs every word to match', () => {
    expect(searchByWords(ITEMS, 'disk backup')).toEqual([]);
  });

  it('scores exact words above prefixes above typos', () => {
    const exact = searchByWords([DISK_FULL], 'disk')[0]?.score ?? 0;
    const prefix = searchByWords([DISK_FULL], 'dis')[0]?.score ?? 0;
    const typo = searchByWords([DISK_FULL], 'dsik')[0]?.score ?? 0;
    expect(exact).toBeGreaterThan(prefix);
    expect(prefix).toBeGreaterThan(typo);
    expect(typo).toBeGreaterThan(0);
  });

  it('allows no typo in words shorter than four letters', () => {
    expect(searchByWords([DISK_FULL], 'nod')).toHaveLength(1);
    expect(searchByWords([DISK_FULL], 'nxde')).toHaveLength(1);
    expect(searchByWords([DISK_FULL], 'nxd')).toEqual([]);
  });
});

describe('suggestionsFor', () => {
  it('offers each runbook once, at most five', () => {
    const many = Array.from({ length: 8 }, (_, index) => item(`team/alert-${index}`, `Alert ${index}`, [`Alert${index}`]));
    const suggestions = suggestionsFor(many, 'Alert', 'search');
    expect(suggestions).toHaveLength(5);
    expect(new Set(suggestions.map((suggestion) => suggestion.item)).size).toBe(5);
  });
});
