import { describe, expect, test } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cheatSheets, MIN_STEPS } from '../../src/cheatsheet/sheet.js';
import { siteUrl } from '../../src/view/collection-view.js';
import { loadProject } from '../load-project.js';
import { collectionView } from '../../src/view/collection-view.js';
import { TODAY } from '../helpers.js';
import { PROJECT_ROOT } from '../shared.js';
import { sheetOf, sheetsOf, TEAM_OF_TEN, teamWithLongRunbook, TEST_COMMIT } from './sheets.js';

const search = await sheetOf(TEAM_OF_TEN, 'search');
const byId = (id: string) => {
  const runbook = search.runbooks.find((each) => each.id === id);
  if (runbook === undefined) throw new Error(`no runbook ${id} on the search sheet`);
  return runbook;
};

describe('cheat sheet of a team', () => {
  test('heads the sheet with the team name, its chat and its escalation contacts in order', () => {
    expect(search.name).toBe('Search');
    expect(search.teams).toEqual([
      {
        key: 'search',
        name: 'Search',
        chat: '#search-oncall',
        contacts: [
          { name: 'Search on-call (primary)', via: 'pager', target: 'search-primary' },
          { name: 'Search on-call (secondary)', via: 'pager', target: 'search-secondary' },
          { name: 'Incident commander on duty', via: 'pager', target: 'incident-commander' },
        ],
      },
    ]);
  });

  test('lists every runbook of the team, most severe first', () => {
    expect(search.runbooks).toHaveLength(10);
    const ranks = search.runbooks.map((runbook) => runbook.severity?.rank ?? 99);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(search.runbooks[0]?.severity?.id).toBe('critical');
  });

  test('shows every step when the two pages have room for them', () => {
    const red = byId('cluster-red');
    expect(red.steps).toHaveLength(8);
    expect(red.moreSteps).toBe(0);
    expect(red.steps[0]?.text).toBe('Confirm the status and count the unassigned primaries');
    expect(byId('synonyms-bad-deploy').moreSteps).toBe(0);
  });

  test('cuts the steps of a long runbook where the two pages end, not at a fixed count', async () => {
    const folder = teamWithLongRunbook(join(mkdtempSync(join(tmpdir(), 'runbook-sheet-')), 'team'), 40);
    const sheet = await sheetOf(folder, 'search');
    const long = sheet.runbooks.find((runbook) => runbook.id === 'everything-down');
    expect(long?.steps.length).toBeGreaterThan(MIN_STEPS);
    expect(long?.moreSteps).toBeGreaterThan(0);
    expect((long?.steps.length ?? 0) + (long?.moreSteps ?? 0)).toBe(40);
    expect(sheet.runbooks.filter((runbook) => runbook.id !== 'everything-down').every((runbook) => runbook.steps.length >= Math.min(MIN_STEPS, runbook.steps.length + runbook.moreSteps))).toBe(true);
  });

  test('flags stale runbooks with the date they were last tested', () => {
    const stale = byId('indexer-lag');
    expect(stale.status).toBe('stale');
    expect(stale.flagged).toBe(true);
    expect(stale.statusText).toBe('STALE (last tested 2026-04-02, due 2026-10-02): the steps may no longer work');
    expect(byId('snapshot-failing')).toMatchObject({ status: 'never-tested', flagged: true });
    expect(byId('cluster-red')).toMatchObject({ status: 'fresh', flagged: false, statusText: 'Fresh, tested 2026-10-30' });
    expect(byId('query-latency-high').statusText).toBe('Due soon: tested 2026-09-01, review due 2026-12-01');
  });

  test('links to the full runbook under the site base URL when the config has one', () => {
    expect(byId('cluster-red').link).toEqual({ url: 'https://runbooks.example.com/runbooks/cluster-red/', page: 'runbooks/cluster-red/index.html' });
  });

  test("points to the runbook's file in the repository without a base URL (a site path means nothing on paper)", async () => {
    const platform = await sheetOf(PROJECT_ROOT, 'platform');
    expect(platform.runbooks.map((runbook) => runbook.link)).toContainEqual({ url: 'runbooks/dns/provider-outage.md', page: 'runbooks/dns/provider-outage/index.html' });
    expect(siteUrl('runbooks/a/', 'https://x.example/docs')).toBe('https://x.example/docs/runbooks/a/');
  });

  test("shows a runbook's own escalation only when it differs from its team's", async () => {
    const data = await sheetOf(PROJECT_ROOT, 'data');
    const restore = data.runbooks.find((runbook) => runbook.id === 'database/restore-from-backup');
    expect(restore?.escalation.map((contact) => contact.target)).toContain('+49 30 5550 1942');
    expect(data.runbooks.find((runbook) => runbook.id === 'database/primary-down')?.escalation).toEqual([]);
  });

  test('prints the date and the commit it was made from', () => {
    expect(search.generated).toBe('2026-11-27');
    expect(search.commit).toEqual(TEST_COMMIT);
  });
});

describe('choosing sheets', () => {
  const dataOf = async () => {
    const project = await loadProject({ cwd: PROJECT_ROOT, paths: [], config: undefined, today: TODAY, git: false });
    return collectionView(project.runbooks, project.diagnostics, project.config, TODAY, project.git);
  };

  test('finds a team by its id or, ignoring case, by its name', async () => {
    const data = await dataOf();
    for (const wanted of ['platform', 'Platform', 'PLATFORM']) {
      const selected = cheatSheets(data, { kind: 'team', wanted }, { today: TODAY, commit: TEST_COMMIT });
      expect(selected.kind === 'sheets' ? selected.sheets.map((sheet) => sheet.key) : selected).toEqual(['platform']);
    }
  });

  test('names the teams that exist when the wanted one does not', async () => {
    const selected = cheatSheets(await dataOf(), { kind: 'team', wanted: 'nobody' }, { today: TODAY, commit: TEST_COMMIT });
    expect(selected).toEqual({ kind: 'not-found', wanted: 'nobody', of: 'team', available: ['data', 'payments', 'platform'] });
  });

  test('makes one sheet per service, headed by the teams owning its runbooks', async () => {
    const sheets = await sheetsOf(PROJECT_ROOT, { kind: 'every-service' });
    expect(sheets.map((sheet) => sheet.key)).toContain('orders-db');
    const ordersDb = sheets.find((sheet) => sheet.key === 'orders-db');
    expect(ordersDb).toMatchObject({ kind: 'service', slug: 'orders-db', page: 'services/orders-db/index.html' });
    expect(ordersDb?.teams.map((team) => team.name)).toEqual(['Data']);
    expect(ordersDb?.runbooks.map((runbook) => runbook.id)).toEqual(['database/primary-down', 'database/restore-from-backup']);
  });
});
