import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { PROJECT_ROOT } from '../shared.js';

/**
 * `runbook due` on test/fixtures/due: on 2026-12-05 one runbook is overdue, three fall due within
 * 30 days (one without an owner, one with a hostile title), one was never tested, one is fresh.
 */
const FIXTURE = join(PROJECT_ROOT, 'test', 'fixtures', 'due');

const due = (...argv: string[]): ReturnType<typeof runCli> => runCli(['due', '--today', '2026-12-05', ...argv], FIXTURE);

describe('runbook due', () => {
  it('lists what falls due in 30 days by team, overdue and never tested first, and exits 1', async () => {
    const result = await due();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`5 runbooks due by 2027-01-04 (within 30 days of 2026-12-05): 1 overdue, 1 never
tested, 3 due.

Data (data)
  database/primary-down · critical · 34 days overdue
    Primary database down
    last tested 2026-08-01 · due 2026-11-01 · every 3 months
    https://runbooks.example.com/runbooks/database/primary-down/
  queues/backlog · high · due in 15 days
    Queue backlog growing
    last tested 2026-11-20 · due 2026-12-20 · every 30 days
    https://runbooks.example.com/runbooks/queues/backlog/

Payments (payments)
  payments/hostile · high · due in 5 days
    Evil, title; x\\y <!channel> <http://evil.example|click> | pipe *bold* @here
    BEGIN:VEVENT UID:x \\u001b[31mred
    last tested 2026-11-10 · due 2026-12-10 · every 30 days
    https://runbooks.example.com/runbooks/payments/hostile/

Platform (platform)
  dns/resolver · low · never tested
    Resolver not answering
    last tested: never (no due date: due now)
    https://runbooks.example.com/runbooks/dns/resolver/

No owner
  misc/orphan · low · due in 4 days
    Cron job stuck
    last tested 2026-11-25 · due 2026-12-09 · every 2 weeks
    https://runbooks.example.com/runbooks/misc/orphan/
`);
    expect(result.stdout.split('\n').every((line) => line.length <= 80)).toBe(true);
  });

  it('lists a runbook without last_tested, or with one that is not a date, as never tested', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'runbook-due-'));
    try {
      const runbook = (lastTested: string): string => `---\ntitle: T\nseverity: low\nowner: ops\n${lastTested}---\n# T\n`;
      writeFileSync(join(folder, 'missing.md'), runbook(''));
      writeFileSync(join(folder, 'unreadable.md'), runbook('last_tested: soon\n'));
      writeFileSync(join(folder, 'never.md'), runbook('last_tested: never\n'));
      writeFileSync(join(folder, 'fresh.md'), runbook('last_tested: 2026-12-01\n'));
      const result = await runCli(['due', '--today', '2026-12-05'], folder);
      expect(result.code).toBe(1);
      expect(result.stdout.split('\n').filter((line) => line.startsWith('  ') && !line.startsWith('    '))).toEqual([
        '  missing · low · never tested',
        '  never · low · never tested',
        '  unreadable · low · never tested',
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('takes the duration syntax of review_every for --within, and one team with --team', async () => {
    const result = await due('--within', '1 week', '--team', 'data');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`Data (data): 1 runbook due by 2026-12-12 (within 1 week of 2026-12-05): 1
overdue.

Data (data)
  database/primary-down · critical · 34 days overdue
    Primary database down
    last tested 2026-08-01 · due 2026-11-01 · every 3 months
    https://runbooks.example.com/runbooks/database/primary-down/
`);
  });

  it('exits 0 when nothing is due in the window', async () => {
    const result = await runCli(['due', '--today', '2026-11-15', '--within', '7d', '--team', 'payments'], FIXTURE);
    expect(result).toEqual({ code: 0, stdout: 'Payments (payments): nothing due by 2026-11-22 (within 7 days of 2026-11-15).\n', stderr: '' });
  });

  it('colours the text only when asked', async () => {
    expect((await due('--color', '--team', 'data')).stdout).toContain('\u001b[31m34 days overdue\u001b[39m');
    expect((await due('--team', 'data')).stdout).not.toContain('\u001b');
    expect((await runCli(['due', '--today', '2026-12-05', '--color'], FIXTURE, { NO_COLOR: '1' })).stdout).toContain('\u001b[');
  });

  it('refuses an unknown team, listing the known ones, and a bad window, with exit 2', async () => {
    const team = await due('--team', 'nope');
    expect(team.code).toBe(2);
    expect(team.stdout).toBe('');
    expect(team.stderr).toContain('unknown --team `nope`: expected one of `data`, `payments`, `platform`');
    const within = await due('--within', '0d');
    expect(within.code).toBe(2);
    expect(within.stderr).toContain('invalid --within `0d`, expected a duration such as 30d, 6w, 3 months or 1y');
    expect((await due('--format', 'csv')).code).toBe(2);
  });

  it('documents its formats and exit codes in --help', async () => {
    const help = await runCli(['due', '--help'], FIXTURE);
    expect(help.stdout).toContain('  0  nothing due or overdue in the window (and nothing never tested)\n  1  something is due, overdue or never tested (listed)\n  2  bad usage');
    expect(help.stdout).toMatch(/--format <format> +output format \(choices: "text", "markdown", "json",\n +"ics", "slack"/);
    expect(help.stdout.split('\n').filter((line) => line.length > 80)).toEqual([]);
  });

  it('writes a Markdown table per team whose cells no runbook text can break', async () => {
    const result = await due('--format', 'markdown');
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 9)).toEqual([
      '# Runbooks due by 2027-01-04',
      '',
      'Within 30 days of 2026-12-05: 5 runbooks (1 overdue, 1 never tested, 3 due).',
      '',
      '## Data (data)',
      '',
      '| Runbook | Severity | Last tested | Due | When |',
      '| --- | --- | --- | --- | --- |',
      '| [Primary database down](https://runbooks.example.com/runbooks/database/primary-down/)<br>database/primary-down | critical | 2026-08-01 | 2026-11-01 | 34 days overdue |',
    ]);
    const hostile = lines.filter((line) => line.includes('Evil'));
    expect(hostile).toEqual([
      '| [Evil, title; x\\\\y \\<!channel\\> \\<http://evil.example\\|click\\> \\| pipe \\*bold\\* @here BEGIN:VEVENT UID:x \\u001b\\[31mred](https://runbooks.example.com/runbooks/payments/hostile/)<br>payments/hostile | high | 2026-11-10 | 2026-12-10 | due in 5 days |',
    ]);
    // Every row of every table has exactly the table's six unescaped pipes.
    for (const row of lines.filter((line) => line.startsWith('| '))) expect(row.match(/(?<!\\)\|/g)).toHaveLength(6);
    expect(lines).toContain('| Resolver not answering<br>dns/resolver | low | never | — | never tested |'.replace('Resolver not answering', '[Resolver not answering](https://runbooks.example.com/runbooks/dns/resolver/)'));
  });

  it('writes JSON of a documented shape with a version', async () => {
    const result = await due('--format', 'json', '--team', 'platform');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      version: 1,
      today: '2026-12-05',
      until: '2027-01-04',
      within: '30 days',
      team: 'platform',
      counts: { total: 1, overdue: 0, neverTested: 1, due: 0 },
      teams: [
        {
          id: 'platform',
          name: 'Platform',
          runbooks: [
            {
              id: 'dns/resolver',
              title: 'Resolver not answering',
              file: 'runbooks/dns/resolver.md',
              severity: 'low',
              state: 'never-tested',
              lastTested: 'never',
              due: null,
              daysLeft: null,
              interval: null,
              url: 'https://runbooks.example.com/runbooks/dns/resolver/',
            },
          ],
        },
      ],
    });
    const all = JSON.parse((await due('--format', 'json')).stdout) as { teams: { id: string | null }[] };
    expect(all.teams.map((team) => team.id)).toEqual(['data', 'payments', 'platform', null]);
  });
});
