import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/io/io.js';
import { loadProject } from '../load-project.js';
import { findRunbook, type FindResult } from '../../src/oncall/find-runbook.js';
import { findablesOf, type Findable } from '../../src/parse/findable.js';
import { runCli } from '../cli/run-cli.js';
import { TODAY } from '../helpers.js';
import { PROJECT_ROOT } from '../shared.js';

/** A small collection: teams with chat and escalation, a site URL, an alert two runbooks answer. */
const FIXTURE = join(PROJECT_ROOT, 'test', 'fixtures', 'oncall', 'show');

/** Runs the CLI with stdout a terminal (for colour). */
async function runOnTerminal(argv: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<string> {
  let stdout = '';
  const io: Io = {
    cwd,
    env,
    stdout: { write: (text) => (stdout += text), isTTY: true },
    stderr: { write: () => undefined, isTTY: true },
    now: () => new Date('2026-11-27T12:00:00Z'),
  };
  expect(await main(argv, io)).toBe(0);
  return stdout;
}

interface StepsJson {
  readonly runbook: { readonly steps: readonly { readonly run: string | null }[] };
}

/** Every line longer than 80 columns that is not a line of one of the runbook's commands. */
async function overlongProseLines(query: string, cwd: string): Promise<readonly string[]> {
  const text = await runCli(['show', query], cwd);
  const json = await runCli(['show', query, '--json'], cwd);
  expect(text.code).toBe(0);
  const commandLines = new Set((JSON.parse(json.stdout) as StepsJson).runbook.steps.flatMap((step) => (step.run ?? '').split('\n').map((line) => line.trim())));
  return text.stdout.split('\n').filter((line) => Array.from(line).length > 80 && !commandLines.has(line.trim()));
}

describe('runbook show', () => {
  it('shows the runbook answering an alert: title, status, owner, escalation, steps and URL', async () => {
    const result = await runCli(['show', 'PostgresPrimaryDown'], FIXTURE);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        'Primary database down',
        'database/primary-down · critical · orders-db',
        '',
        'Status    Fresh: last tested 2026-10-14, next due 2027-01-14 (in 48 days)',
        'Owner     Data (data)',
        'Chat      #data-oncall',
        'Escalate  1. Data on-call (primary): pager data-primary',
        '          2. Incident commander: pager incident-commander',
        'Alerts    PostgresPrimaryDown, OrdersDbWritesFailing',
        'URL       https://runbooks.example.com/runbooks/database/primary-down/',
        '',
        'Recovery',
        '  1. Confirm the primary is really down, from inside the cluster and not from',
        '     your laptop over the VPN',
        '       kubectl -n orders run pgcheck --rm -it --restart=Never --image=postgres:16 -- pg_isready -h orders-db-primary.internal.example.com -p 5432 -t 5',
        '       expect: orders-db-primary.internal.example.com:5432 - no response (or:',
        '               rejecting connections)',
        '  2. Fail over to the replica with the least lag',
        '       ssh orders-db-2.internal.example.com sudo patronictl -c /etc/patroni/patroni.yml failover orders-db --candidate orders-db-2 --force',
        '  3. Tell the payments team in their channel',
        '',
        'Links',
        '  Orders DB dashboard: https://grafana.example.com/d/orders-db',
        '',
      ].join('\n'),
    );
  });

  it('finds the alert in any case', async () => {
    const exact = await runCli(['show', 'PostgresPrimaryDown'], FIXTURE);
    const lower = await runCli(['show', 'postgresprimarydown'], FIXTURE);
    expect(lower.code).toBe(0);
    expect(lower.stdout).toBe(exact.stdout);
  });

  it('finds a runbook by id, flags it as stale and lists the body steps with their commands', async () => {
    const result = await runCli(['show', 'hosts/disk-full'], FIXTURE);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Status    Stale: last tested 2025-06-01, was due 2026-06-01 (179 days ago); the\n          steps may no longer work\n');
    expect(result.stdout).toContain('  1. Find what is using the space on the node, starting with the container logs\n     and the image cache\n       df -h /\n       du -xsh /var/log/* | sort -h | tail -n 5\n');
  });

  it('finds a runbook by words of its title despite a typo', async () => {
    const result = await runCli(['show', 'dns', 'provder'], FIXTURE);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 2)).toEqual(['DNS provider outage', 'dns/provider-outage · critical · dns']);
    expect(result.stdout).toContain('Status    Never tested: nobody has tried these steps yet\n');
  });

  it('lists the matches and exits 1 when several runbooks match with no clear winner', async () => {
    const result = await runCli(['show', 'disk'], FIXTURE);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        '`disk` matches 2 runbooks:',
        '  1. Disk full on a node',
        '     hosts/disk-full · NodeDiskFull',
        '  2. Disk latency high',
        '     hosts/disk-latency · NodeDiskLatencyHigh',
        'Be more specific: give an alert name, an id or more words of the title, e.g.',
        '  runbook show hosts/disk-full',
        '',
      ].join('\n'),
    );
  });

  it('lists every runbook answering an alert that several answer', async () => {
    const result = await runCli(['show', 'PaymentsDegraded'], FIXTURE);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('  1. Card declines spike\n     payments/card-declines · PaymentsDegraded, CardDeclineRateHigh\n');
    expect(result.stdout).toContain('  2. Retry storm on payments-api\n');
  });

  it('exits 1 with the closest names when nothing matches', async () => {
    const result = await runCli(['show', 'PostgresPrimaryDwn'], FIXTURE);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('runbook: no runbook matches `PostgresPrimaryDwn`\nClosest:\n  PostgresPrimaryDown (alert of database/primary-down)\n');
  });

  it('prints the runbook as stable JSON', async () => {
    const result = await runCli(['show', 'QueueBacklogGrowing', '--json'], FIXTURE);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      version: 1,
      query: 'QueueBacklogGrowing',
      match: 'alert',
      runbook: {
        id: 'queues/backlog-growing',
        title: 'Queue backlog growing',
        file: 'queues/backlog-growing.md',
        url: 'https://runbooks.example.com/runbooks/queues/backlog-growing/',
        severity: 'high',
        service: 'ledger-events',
        owner: { id: 'data', name: 'Data', chat: '#data-oncall' },
        status: { kind: 'fresh', label: 'Fresh', last_tested: '2026-11-20', due: '2027-05-20', days_left: 174, review_every: '6 months', problems: 0 },
        alerts: ['QueueBacklogGrowing'],
        escalation: { source: 'runbook', contacts: [{ name: 'Ledger on-call', via: 'pager', target: 'ledger-primary' }] },
        steps: [{ text: 'Scale the consumers up.', run: null, expect: null, text_inlines: [{ kind: 'text', text: 'Scale the consumers up.' }], expect_inlines: null }],
        links: [],
        recovery_prose: null,
        body: null,
      },
    });
  });

  it('prints the matches or the suggestions as JSON when there is no single runbook', async () => {
    const several = await runCli(['show', 'disk', '--json'], FIXTURE);
    expect(several.code).toBe(1);
    expect(JSON.parse(several.stdout)).toEqual({
      version: 1,
      query: 'disk',
      match: 'ambiguous',
      candidates: [
        { id: 'hosts/disk-full', title: 'Disk full on a node', file: 'hosts/disk-full.md', alerts: ['NodeDiskFull'] },
        { id: 'hosts/disk-latency', title: 'Disk latency high', file: 'hosts/disk-latency.md', alerts: ['NodeDiskLatencyHigh'] },
      ],
    });
    const none = await runCli(['show', 'NodeDiskFool', '--json'], FIXTURE);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('');
    expect(JSON.parse(none.stdout)).toEqual({ version: 1, query: 'NodeDiskFool', match: 'none', suggestions: [{ id: 'hosts/disk-full', name: 'NodeDiskFull', kind: 'alert' }] });
  });

  it('writes no escape codes when stdout is not a terminal, or with NO_COLOR', async () => {
    expect((await runCli(['show', 'hosts/disk-full'], FIXTURE)).stdout).not.toContain('\u001b');
    expect(await runOnTerminal(['show', 'hosts/disk-full'], FIXTURE, { NO_COLOR: '1' })).not.toContain('\u001b');
    expect(await runOnTerminal(['show', 'hosts/disk-full'], FIXTURE)).toContain('\u001b[');
  });

  it('keeps every line within 80 columns except command lines', async () => {
    for (const id of ['database/primary-down', 'hosts/disk-full', 'queues/backlog-growing', 'dns/provider-outage']) {
      expect(await overlongProseLines(id, FIXTURE)).toEqual([]);
    }
  });

  it("shows the project's example runbooks by alert, with the source file as the URL", async () => {
    const result = await runCli(['show', 'PostgresPrimaryDown'], PROJECT_ROOT);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('Primary database down');
    expect(result.stdout).toContain('\nURL       runbooks/database/primary-down.md\n');
    expect(result.stdout).toContain('\n  8. Resume the batch jobs');
    expect(await overlongProseLines('PostgresPrimaryDown', PROJECT_ROOT)).toEqual([]);
  });

  it('keeps the example runbooks within 80 columns except command lines', async () => {
    for (const id of ['database/restore-from-backup', 'hosts/disk-full', 'payments/retry-storm', 'tls/certificate-expiry', 'zones/zone-failover']) {
      expect(await overlongProseLines(id, PROJECT_ROOT)).toEqual([]);
    }
  });

  it('exits 2 for a bad --today', async () => {
    const result = await runCli(['show', 'disk', '--today', '2026-02-30'], FIXTURE);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('invalid --today `2026-02-30`');
  });
});

const folders: string[] = [];

/** A folder with these files (and a config with `root: .`), removed after the test. */
function folderWith(files: Readonly<Record<string, string>>): string {
  const folder = mkdtempSync(join(tmpdir(), 'runbook-show-'));
  folders.push(folder);
  for (const [name, text] of Object.entries({ 'runbook.config.yaml': 'root: .\n', ...files })) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return folder;
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** What `show --json` says it matched, in the terms of a {@link FindResult}. */
function matchOf(json: string): unknown {
  const document = JSON.parse(json) as
    | { readonly match: 'ambiguous'; readonly candidates: readonly Findable[] }
    | { readonly match: 'none'; readonly suggestions: readonly { readonly id: string; readonly name: string; readonly kind: string }[] }
    | { readonly match: string; readonly runbook: { readonly id: string } };
  if ('candidates' in document) return { kind: 'ambiguous', candidates: document.candidates };
  if ('suggestions' in document) return { kind: 'none', suggestions: document.suggestions };
  return { kind: 'found', by: document.match, id: document.runbook.id };
}

/** The same, from a result of matching against every runbook read in full. */
function expectedMatch(result: FindResult<Findable>): unknown {
  if (result.kind === 'ambiguous') {
    return { kind: 'ambiguous', candidates: result.candidates.map(({ id, title, file, alerts }) => ({ id, title, file, alerts })) };
  }
  if (result.kind === 'none') return { kind: 'none', suggestions: result.suggestions.map(({ item, name, kind }) => ({ id: item.id, name, kind })) };
  return { kind: 'found', by: result.by, id: result.item.id };
}

describe('runbook show reads only the frontmatter of the runbooks it does not show', () => {
  it.each([FIXTURE, PROJECT_ROOT])('finds what matching every runbook read in full finds, for every kind of query (%s)', async (folder) => {
    const project = await loadProject({ cwd: folder, paths: [], config: undefined, today: TODAY, git: false });
    const items = findablesOf(project.runbooks);
    const queries = items.flatMap((item) => [
      item.id,
      item.id.toUpperCase(),
      item.file,
      item.title,
      ...item.title.split(' ').slice(0, 2),
      ...item.alerts.flatMap((alert) => [alert, alert.toLowerCase(), alert.slice(0, -1)]),
    ]);
    for (const query of [...new Set([...queries, 'disk', 'payments', 'zzz', 'database down'])].filter((each) => each.trim() !== '')) {
      const result = await runCli(['show', query, '--json'], folder);
      expect({ query, match: matchOf(result.stdout) }).toEqual({ query, match: expectedMatch(findRunbook(items, query, 'search')) });
    }
  });

  it('finds a runbook whose title is only in its body, or whose frontmatter does not parse, by its title', async () => {
    const folder = folderWith({
      'no-title.md': '---\nowner: data\nalerts: [ReplicaLagHigh]\n---\n# Replica lag on the orders database\n',
      'broken.md': '---\ntitle: [Broken\n---\n# Cache cluster evictions\n',
      'plain.md': '# Certificate expiry\n',
    });
    expect((await runCli(['show', 'replica', 'lag'], folder)).stdout.split('\n')[0]).toBe('Replica lag on the orders database');
    expect((await runCli(['show', 'ReplicaLagHigh'], folder)).stdout.split('\n')[0]).toBe('Replica lag on the orders database');
    expect((await runCli(['show', 'cache', 'evictions'], folder)).stdout.split('\n')[0]).toBe('Cache cluster evictions');
    expect((await runCli(['show', 'certificate'], folder)).stdout.split('\n')[0]).toBe('Certificate expiry');
  });

  it('looks an id up among all runbooks, even when other runbooks name it in their frontmatter', async () => {
    const folder = folderWith({
      'orders.md': '---\ntitle: Checkout failures\n---\n',
      'backlog.md': '---\ntitle: Orders backlog\nalerts: [OrdersBacklog]\n---\n',
    });
    expect(matchOf((await runCli(['show', 'orders', '--json'], folder)).stdout)).toEqual({ kind: 'found', by: 'id', id: 'orders' });
    expect(matchOf((await runCli(['show', 'ordersbacklog', '--json'], folder)).stdout)).toEqual({ kind: 'found', by: 'alert', id: 'backlog' });
  });

  it('counts the problems of the shown runbook alone: links into other runbooks are not checked, missing files are', async () => {
    const runbook = (title: string, link: string) =>
      `---\ntitle: ${title}\nowner: data\nservice: db\nseverity: high\nlast_tested: 2026-11-01\n` +
      `escalation:\n  - {name: Data on-call, via: pager, target: data-primary}\n---\n# ${title}\n\n` +
      `## Summary\n\nDown.\n\n## Impact\n\nNo writes.\n\n## Diagnosis\n\nSee ${link}.\n\n## Recovery\n\n1. Fail over.\n`;
    const folder = folderWith({
      'a.md': runbook('Primary down', '[the replica](b.md#no-such-heading)'),
      'b.md': runbook('Replica down', '[the notes](missing.md)'),
    });
    const shown = (query: string) => runCli(['show', query, '--json'], folder).then((result) => (JSON.parse(result.stdout) as { runbook: { status: { problems: number } } }).runbook.status);
    const check = await runCli(['check', '--format', 'json', '--no-git', '--today', '2026-11-27'], folder);
    expect(check.stdout).toContain('broken-anchor');
    expect((await shown('a')).problems).toBe(0);
    expect((await shown('b')).problems).toBe(1);
  });

  it('says in its help that the checks across runbooks are left to `runbook check`', async () => {
    const result = await runCli(['show', '--help'], FIXTURE);
    expect(result.stdout).toContain('For the full picture run `runbook check`.');
  });
});
