import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { installedCopy } from '../reliability/bin-process.js';
import { PROJECT_ROOT } from '../shared.js';

/**
 * `runbook drill` in a real terminal: tmux at 80×24 runs the compiled CLI (a private copy, so a
 * rebuild beside the test does not change it) through test/oncall/drill-main.mjs, the real io with a
 * scripted clock (each reading 30 s after the one before, from 2026-12-05T01:02:03Z), keys are
 * typed with `send-keys` and the pane is read with `capture-pane`. Without tmux the file is skipped
 * loudly; with RUNBOOK_REQUIRE_TMUX=1 (CI) it fails instead.
 */

const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;
if (!HAS_TMUX) {
  const reason = 'tmux not found (apt-get install tmux): skipping the terminal tests of runbook drill';
  if (process.env.RUNBOOK_REQUIRE_TMUX === '1') throw new Error(`${reason} is not allowed when RUNBOOK_REQUIRE_TMUX=1`);
  console.warn(`\n*** ${reason} ***\n`);
}

const FIXTURE = join(PROJECT_ROOT, 'test', 'fixtures', 'oncall', 'drill');
const RUNBOOK = join('database', 'primary-down.md');
const SOCKET = `runbook-drill-test-${process.pid}`;
const GIT = ['-c', 'user.name=Fixture', '-c', 'user.email=fixture@example.com', '-c', 'commit.gpgsign=false'];

let root = '';
let script = '';
let sessions = 0;

beforeAll(() => {
  if (!HAS_TMUX) return;
  root = mkdtempSync(join(tmpdir(), 'runbook-drill-tty-'));
  installedCopy(join(root, 'tool'));
  mkdirSync(join(root, 'tool', 'test', 'oncall'), { recursive: true });
  script = join(root, 'tool', 'test', 'oncall', 'drill-main.mjs');
  copyFileSync(join(PROJECT_ROOT, 'test', 'oncall', 'drill-main.mjs'), script);
}, 60_000);

afterAll(() => {
  if (!HAS_TMUX) return;
  spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  rmSync(root, { recursive: true, force: true });
});

function tmux(...args: string[]): string {
  const result = spawnSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8', env: { ...process.env, SHELL: '/bin/sh' } });
  if (result.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** A copy of the fixture as a git repository whose user.name is Ada Lovelace; its folder and short HEAD. */
function repository(): { readonly folder: string; readonly commit: string } {
  const folder = join(root, `repository-${sessions}`);
  cpSync(FIXTURE, folder, { recursive: true });
  const git = (...args: string[]): string => {
    const result = spawnSync('git', [...GIT, ...args], { cwd: folder, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout.trim();
  };
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'runbooks');
  git('config', 'user.name', 'Ada Lovelace');
  return { folder, commit: git('rev-parse', '--short', 'HEAD') };
}

/** A terminal running `runbook drill <args>` in `folder`; the pane says `[exit N]` when it ends. */
function drill(folder: string, args: readonly string[]): { readonly send: (...keys: string[]) => void; readonly waitFor: (test: (screen: string) => boolean, what: string) => Promise<string> } {
  sessions += 1;
  const name = `drill-${sessions}`;
  const quoted = ['node', script, '2026-12-05T01:02:03Z', '30', 'drill', ...args].map((arg) => `'${arg.replace(/'/g, "'\\''")}'`).join(' ');
  tmux('new-session', '-d', '-s', name, '-x', '80', '-y', '24', '-c', folder, `${quoted}; echo "[exit $?]"; sleep 60`);
  return {
    send: (...keys) => {
      tmux('send-keys', '-t', name, ...keys);
    },
    waitFor: async (test, what) => {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const screen = tmux('capture-pane', '-p', '-J', '-S', '-', '-t', name);
        if (test(screen)) return screen;
        if (Date.now() > deadline) throw new Error(`waited 15 s for ${what}; the terminal shows:\n${screen}`);
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    },
  };
}

/** The pane's text ends with a prompt (readline is reading): `>`, `note>` or a `[y/N]` question. */
const PROMPT = /(?:^|\n)(?:\[Enter: [df]\] )?>$|note>$|\[y\/N\]$/;

function count(screen: string, text: string): number {
  return screen.split(text).length - 1;
}

/** The one record written under the repository's drills folder: its path (relative) and text. */
function theRecord(folder: string): { readonly file: string; readonly text: string } {
  const files = readdirSync(join(folder, 'drills'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md'));
  expect(files).toHaveLength(1);
  const [file = ''] = files;
  return { file, text: readFileSync(join(folder, 'drills', file), 'utf8') };
}

function frontmatter(text: string): Record<string, unknown> {
  return parse(text.split('---\n')[1] ?? '') as Record<string, unknown>;
}

describe.skipIf(!HAS_TMUX)('runbook drill in a real terminal (tmux, 80×24)', () => {
  it('steps answered done, failed and with a note give a record of exactly this content; last_tested is left alone', async () => {
    const { folder, commit } = repository();
    const before = readFileSync(join(folder, RUNBOOK));
    const terminal = drill(folder, ['PostgresPrimaryDown', '--env', 'staging']);
    const prompted = (steps: number) => (screen: string) => count(screen, 'Step ') >= steps && PROMPT.test(screen.trimEnd());
    const header = await terminal.waitFor(prompted(1), 'step 1');
    expect(header).toContain('Drill: Primary database down\ndatabase/primary-down · high\n\nOwner     Data team (data)\nAlerts    PostgresPrimaryDown\n');
    expect(header).toContain('Operator  Ada Lovelace\n');
    expect(header).toContain('Step 1/3 · 0:00 into the drill\n  Fail over to the replica.\n    touch step-one.marker\n  expect: the replica is promoted.\nd done · f failed · s skip · n note · q stop · ? help\n>');
    terminal.send('d', 'Enter');
    await terminal.waitFor(prompted(2), 'step 2');
    terminal.send('n', 'Enter');
    await terminal.waitFor((screen) => screen.trimEnd().endsWith('note>'), 'the note prompt');
    terminal.send('lag was 40 s', 'Enter');
    await terminal.waitFor((screen) => screen.includes('Note added') && PROMPT.test(screen.trimEnd()), 'the note');
    terminal.send('f', 'Enter');
    await terminal.waitFor(prompted(3), 'step 3');
    terminal.send('d', 'Enter');
    const end = await terminal.waitFor((screen) => screen.includes('[exit '), 'the end');
    expect(end).toContain('\nFailed: step 2 failed. The drill took 2 min 30 s.\nRecord: drills/database/primary-down/2026-12-05.md\n[exit 1]');
    const record = theRecord(folder);
    expect(record.file).toBe(join('database', 'primary-down', '2026-12-05.md'));
    expect(record.text).toBe(
      [
        '---',
        'runbook: database/primary-down',
        // A short hash of digits only (3388310) reads as a number in YAML: the writer quotes it.
        `runbook_commit: ${typeof parse(commit) === 'string' ? commit : JSON.stringify(commit)}`,
        'environment: staging',
        'operator: Ada Lovelace',
        'started: 2026-12-05T01:02:03Z',
        'ended: 2026-12-05T01:04:33Z',
        'outcome: failed',
        'steps:',
        '  - step: 1',
        '    text: Fail over to the replica.',
        '    status: done',
        '    duration_seconds: 30',
        '  - step: 2',
        '    text: Point the application at the new primary.',
        '    status: failed',
        '    duration_seconds: 90',
        '    note: lag was 40 s',
        '  - step: 3',
        '    text: Tell the channel.',
        '    status: done',
        '    duration_seconds: 30',
        '---',
        '',
        '# Drill of Primary database down: failed',
        '',
        '**Environment:** staging  ',
        '**Operator:** Ada Lovelace  ',
        '**When:** 2026-12-05 01:02:03 – 01:04:33 UTC  ',
        '**Lasted:** 2 min 30 s  ',
        `**Runbook at commit:** ${commit}`,
        '',
        '| # | Step | Status | Duration | Exit code | Note |',
        '|--:|------|--------|---------:|----------:|------|',
        '| 1 | Fail over to the replica. | done | 30 s | | |',
        '| 2 | Point the application at the new primary. | failed | 1 min 30 s | | lag was 40 s |',
        '| 3 | Tell the channel. | done | 30 s | | |',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(folder, RUNBOOK))).toEqual(before);
    // Without --exec nothing ran.
    expect([existsSync(join(folder, 'step-one.marker')), existsSync(join(folder, 'step-two.marker'))]).toEqual([false, false]);
  }, 40_000);

  it('a recovered drill sets last_tested to its day, changing nothing else in the file', async () => {
    const { folder } = repository();
    const before = readFileSync(join(folder, RUNBOOK), 'utf8');
    const terminal = drill(folder, ['database/primary-down']);
    for (const step of [1, 2, 3]) {
      await terminal.waitFor((screen) => count(screen, 'Step ') >= step && PROMPT.test(screen.trimEnd()), `step ${step}`);
      terminal.send('d', 'Enter');
    }
    const end = await terminal.waitFor((screen) => screen.includes('[exit '), 'the end');
    expect(end).toContain('\nRecovered: every step done. Time to recover: 1 min 30 s.\nRecord: drills/database/primary-down/2026-12-05.md\nlast_tested set to 2026-12-05 (was 2026-08-01): database/primary-down.md\n[exit 0]');
    expect(readFileSync(join(folder, RUNBOOK), 'utf8')).toBe(before.replace('last_tested: 2026-08-01 # the summer game day', 'last_tested: 2026-12-05 # the summer game day'));
    expect(frontmatter(theRecord(folder).text)).toMatchObject({ outcome: 'recovered', time_to_recover_seconds: 90, operator: 'Ada Lovelace' });
  }, 40_000);

  it('Ctrl-C at a prompt ends the drill as aborted, with what was answered recorded', async () => {
    const { folder } = repository();
    const before = readFileSync(join(folder, RUNBOOK));
    const terminal = drill(folder, ['PostgresPrimaryDown']);
    await terminal.waitFor((screen) => PROMPT.test(screen.trimEnd()), 'step 1');
    terminal.send('d', 'Enter');
    await terminal.waitFor((screen) => count(screen, 'Step ') >= 2 && PROMPT.test(screen.trimEnd()), 'step 2');
    terminal.send('C-c');
    const end = await terminal.waitFor((screen) => screen.includes('[exit '), 'the end');
    expect(end).toContain('Stopped (Ctrl-C).\n\nAborted: 1 of 3 steps answered, after 1 min 0 s.\nRecord: drills/database/primary-down/2026-12-05.md\n[exit 1]');
    const record = frontmatter(theRecord(folder).text);
    expect(record).toMatchObject({ outcome: 'aborted', started: '2026-12-05T01:02:03Z', ended: '2026-12-05T01:03:03Z' });
    expect(record.steps).toEqual([
      { step: 1, text: 'Fail over to the replica.', status: 'done', duration_seconds: 30 },
      { step: 2, text: 'Point the application at the new primary.', status: 'not-reached', duration_seconds: 0 },
      { step: 3, text: 'Tell the channel.', status: 'not-reached', duration_seconds: 0 },
    ]);
    expect(readFileSync(join(folder, RUNBOOK))).toEqual(before);
  }, 40_000);

  it('--exec runs only the command confirmed with y, and records its exit code', async () => {
    const { folder } = repository();
    const terminal = drill(folder, ['PostgresPrimaryDown', '--exec']);
    const asked = await terminal.waitFor((screen) => screen.trimEnd().endsWith('[y/N]'), 'the first question');
    expect(asked).toContain('  expect: the replica is promoted.\n    touch step-one.marker\nRun the command above (1 line, 21 characters) in /bin/sh? [y/N]');
    terminal.send('Enter');
    await terminal.waitFor((screen) => screen.includes('Not run.') && PROMPT.test(screen.trimEnd()), 'step 1 not run');
    terminal.send('d', 'Enter');
    await terminal.waitFor((screen) => count(screen, '[y/N]') === 2 && screen.trimEnd().endsWith('[y/N]'), 'the second question');
    terminal.send('y', 'Enter');
    await terminal.waitFor((screen) => screen.includes('exit code 3: Enter takes f (failed)') && PROMPT.test(screen.trimEnd()), 'the exit code');
    terminal.send('Enter');
    await terminal.waitFor((screen) => count(screen, 'Step ') >= 3 && PROMPT.test(screen.trimEnd()), 'step 3');
    terminal.send('d', 'Enter');
    await terminal.waitFor((screen) => screen.includes('[exit 1]'), 'the end');
    expect([existsSync(join(folder, 'step-one.marker')), existsSync(join(folder, 'step-two.marker'))]).toEqual([false, true]);
    const record = frontmatter(theRecord(folder).text);
    expect(record.outcome).toBe('failed');
    expect(record.steps).toEqual([
      { step: 1, text: 'Fail over to the replica.', status: 'done', duration_seconds: 60 },
      { step: 2, text: 'Point the application at the new primary.', status: 'failed', duration_seconds: 90, exit_code: 3 },
      { step: 3, text: 'Tell the channel.', status: 'done', duration_seconds: 30 },
    ]);
  }, 40_000);
});
