/**
 * Degrades, doesn't die: what each command says, and with which exit code, when its surroundings
 * are not what it hoped for (no git, a shallow clone, no Chromium, a bad config, no runbooks, the
 * reader of its output gone). docs/reliability.md has the same situations as a table.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/io/io.js';
import { runCli } from '../cli/run-cli.js';
import { PROJECT_ROOT } from '../shared.js';
import { installedCopy, runBin } from './bin-process.js';

const folder = mkdtempSync(join(tmpdir(), 'runbook-degrade-'));
let bin = '';

beforeAll(() => {
  bin = installedCopy(join(folder, 'tool'));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
}, 60_000);

const TODAY = ['--today', '2026-11-27'];

function git(cwd: string, ...args: readonly string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'protocol.file.allow=always', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}:\n${result.stderr}`);
  return result.stdout;
}

/** The example runbooks and config copied into a new folder `name` (no git unless asked). */
function examplesIn(name: string): string {
  const path = join(folder, name);
  mkdirSync(path);
  cpSync(join(PROJECT_ROOT, 'runbooks'), join(path, 'runbooks'), { recursive: true });
  cpSync(join(PROJECT_ROOT, 'runbook.config.yaml'), join(path, 'runbook.config.yaml'));
  return path;
}

/** A project whose config is `config` and whose runbooks folder gets `runbooks` (path → text). */
function project(name: string, config: string, runbooks: Readonly<Record<string, string>> = {}): string {
  const path = join(folder, name);
  mkdirSync(path);
  writeFileSync(join(path, 'runbook.config.yaml'), config);
  for (const [file, text] of Object.entries(runbooks)) {
    mkdirSync(join(path, file, '..'), { recursive: true });
    writeFileSync(join(path, file), text);
  }
  return path;
}

/** Every command that reads runbooks, as it is run in these tests (outputs go into the project). */
const COMMANDS: readonly (readonly string[])[] = [
  ['check', ...TODAY],
  ['build', '--out', 'site', ...TODAY],
  ['show', 'PostgresPrimaryDown', ...TODAY],
  ['cheatsheet', ...TODAY],
];

/** Runs `serve` in-process until its first build is done; returns what it printed and what `/` answers. */
async function serveOnce(cwd: string): Promise<{ readonly stderr: string; readonly status: number; readonly body: string; readonly code: number }> {
  let stderr = '';
  const controller = new AbortController();
  const io: Io = {
    cwd,
    env: {},
    stdout: { write: () => undefined, isTTY: false },
    stderr: { write: (text) => (stderr += text), isTTY: false },
    now: () => new Date('2026-11-27T12:00:00Z'),
    stopSignal: () => controller.signal,
  };
  const exit = main(['serve', '--port', '0', '--no-git'], io);
  for (let i = 0; i < 400 && !/serving http/.test(stderr); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  const base = /serving (http:\/\/[^/]+\/)/.exec(stderr)?.[1];
  if (base === undefined) throw new Error(`serve did not start: ${stderr}`);
  const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    request(base, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body: text });
      });
    })
      .on('error', reject)
      .end();
  });
  controller.abort();
  return { stderr, status, body, code: await exit };
}

describe('no git', () => {
  it('not a repository: check reports what --no-git reports, build and cheatsheet work, sheets say `commit unknown`', async () => {
    const cwd = examplesIn('not-a-repository');
    const withGit = await runCli(['check', ...TODAY, '--format', 'json'], cwd);
    const without = await runCli(['check', ...TODAY, '--format', 'json', '--no-git'], cwd);
    expect(withGit).toEqual(without);
    expect(withGit).toMatchObject({ code: 0, stderr: '' });
    const built = await runCli(['build', '--out', 'site', ...TODAY], cwd);
    expect(built.code, built.stderr).toBe(0);
    const sheet = await runCli(['cheatsheet', '--team', 'platform', '--format', 'txt', ...TODAY], cwd);
    expect(sheet.code).toBe(0);
    expect(sheet.stdout).toContain('Generated 2026-11-27 from commit unknown by runbook cheatsheet.');
  });

  it('git not installed (not on PATH), in a repository: the same as --no-git, no message, exit 0', async () => {
    const cwd = examplesIn('git-not-installed');
    git(cwd, 'init', '-q');
    git(cwd, 'add', '-A');
    git(cwd, 'commit', '-q', '-m', 'examples');
    const path = join(folder, 'path-without-git');
    mkdirSync(path);
    symlinkSync(process.execPath, join(path, 'node'));
    const env = { PATH: path, RUNBOOK_CACHE_DIR: join(folder, 'cache') };
    const checked = await runBin(['check', ...TODAY, '--format', 'json'], { bin, cwd, env });
    const noGit = await runBin(['check', ...TODAY, '--format', 'json', '--no-git'], { bin, cwd, env });
    expect(checked).toEqual(noGit);
    expect(checked).toMatchObject({ code: 0, stderr: '' });
    const sheet = await runBin(['cheatsheet', '--team', 'platform', '--format', 'txt', ...TODAY], { bin, cwd, env });
    expect(sheet.code, sheet.stderr).toBe(0);
    expect(sheet.stdout).toContain('from commit unknown');
    const built = await runBin(['build', '--out', 'site', ...TODAY], { bin, cwd, env });
    expect(built.code, built.stderr).toBe(0);
  });
});

describe('a shallow clone', () => {
  it('check warns once (shallow-clone, exit 0), build counts the warning, cheatsheet prints the commit', async () => {
    const origin = examplesIn('origin');
    git(origin, 'init', '-q');
    git(origin, 'add', '-A');
    git(origin, 'commit', '-q', '-m', 'first');
    writeFileSync(join(origin, 'NOTES.txt'), 'second commit\n');
    git(origin, 'add', '-A');
    git(origin, 'commit', '-q', '-m', 'second');
    const cwd = join(folder, 'shallow');
    git(folder, 'clone', '-q', '--depth', '1', `file://${origin}`, cwd);
    expect(git(cwd, 'rev-parse', '--is-shallow-repository').trim()).toBe('true');

    const checked = await runCli(['check', ...TODAY, '--format', 'concise'], cwd);
    expect(checked).toEqual({
      code: 0,
      stdout:
        'runbooks:1:1: warning Shallow git clone: last-edited dates are unreliable; fetch the full history with `git fetch --unshallow` (GitHub Actions: `fetch-depth: 0`) (shallow-clone)\n',
      stderr: '',
    });
    const built = await runCli(['build', '--out', 'site', ...TODAY], cwd);
    expect(built.code).toBe(0);
    expect(built.stderr).toMatch(/^built site\/: 10 runbooks, .* \(the runbooks have 0 errors, 1 warning: see the pages or run `runbook check`\)\n$/);
    const sheet = await runCli(['cheatsheet', '--team', 'platform', '--format', 'txt', ...TODAY], cwd);
    const head = git(cwd, 'rev-parse', '--short', 'HEAD').trim();
    expect(sheet.stdout).toContain(`Generated 2026-11-27 from commit ${head} by runbook cheatsheet.`);
  });
});

describe('no Chromium for cheatsheet --format pdf', () => {
  it('not found: says where it looked and what to do instead, exit 2, writes nothing', async () => {
    const cwd = examplesIn('no-chromium');
    const result = await runCli(['cheatsheet', '--format', 'pdf', ...TODAY], cwd, { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'runbook cheatsheet: --format pdf needs Chromium, which was not found (looked at /nonexistent/chromium). ' +
        'Install it (apt-get install chromium) or set CHROMIUM_PATH, or use --format html and print the file from a browser.\n',
    });
  });

  it('found but does not start: names it, exit 2', async () => {
    const cwd = examplesIn('broken-chromium');
    const result = await runCli(['cheatsheet', '--format', 'pdf', ...TODAY], cwd, { CHROMIUM_PATH: '/bin/false' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^runbook: the run failed: cannot start Chromium at \/bin\/false: caused by: /);
  });
});

describe('a config with an unknown key', () => {
  const config = 'root: runbooks\nteams:\n  data: {name: Data}\nbogus_key: 1\n';
  const message = 'invalid configuration:\n  runbook.config.yaml:4:1: unknown key `bogus_key`';

  it.each(COMMANDS)('%s: the key, located, exit 2', async (...argv) => {
    const cwd = project(`unknown-key-${argv[0] ?? ''}`, config, { 'runbooks/a.md': '# A\n' });
    expect(await runCli(argv, cwd)).toEqual({ code: 2, stdout: '', stderr: `runbook: ${message}\n` });
  });

  it('serve: keeps serving, and the page says what is wrong', async () => {
    const served = await serveOnce(project('unknown-key-serve', config, { 'runbooks/a.md': '# A\n' }));
    expect(served.stderr).toContain(`build failed: ${message}\n`);
    expect(served.status).toBe(500);
    expect(served.body).toContain(message);
    expect(served.code).toBe(0);
  });
});

describe('no runbooks where they should be', () => {
  it.each(COMMANDS)('%s: a runbooks folder that does not exist: names it, exit 2', async (...argv) => {
    const cwd = project(`missing-root-${argv[0] ?? ''}`, 'root: nowhere\n');
    expect(await runCli(argv, cwd)).toEqual({
      code: 2,
      stdout: '',
      stderr: `runbook: the runbooks folder nowhere (the config's \`root\`) does not exist: caused by: ENOENT: no such file or directory, stat '${join(cwd, 'nowhere')}'\n`,
    });
  });

  it.each(COMMANDS)('%s: an empty runbooks folder: says none were found and where, exit 2', async (...argv) => {
    const cwd = project(`empty-root-${argv[0] ?? ''}`, 'root: runbooks\n');
    mkdirSync(join(cwd, 'runbooks'));
    expect(await runCli(argv, cwd)).toEqual({ code: 2, stdout: '', stderr: 'runbook: no runbooks found in runbooks (include: **/*.md)\n' });
  });

  // Regression: a `root` naming a file was read as the only runbook (check reported six errors on
  // it, show said no runbook matched) and `build` died in git (`cannot change to …: Not a directory`).
  it.each(COMMANDS)('%s: a config root that is a file, not a folder: says so, exit 2', async (...argv) => {
    const cwd = project(`root-is-file-${argv[0] ?? ''}`, 'root: runbooks\n', { runbooks: 'not a folder\n' });
    expect(await runCli(argv, cwd)).toEqual({ code: 2, stdout: '', stderr: "runbook: the runbooks folder runbooks (the config's `root`) is a file, not a folder\n" });
  });

  it.each([['check'], ['build', '--out', 'site'], ['cheatsheet']])('%s: a path argument that does not exist: names it, exit 2', async (...argv) => {
    const cwd = examplesIn(`missing-path-${argv[0]}`);
    expect(await runCli([...argv, 'no-such-folder', ...TODAY], cwd)).toEqual({
      code: 2,
      stdout: '',
      stderr: `runbook: no such file or folder: no-such-folder: caused by: ENOENT: no such file or directory, stat '${join(cwd, 'no-such-folder')}'\n`,
    });
  });

  it('serve: a runbooks folder that does not exist: keeps serving, and the page says what is wrong', async () => {
    const cwd = project('missing-root-serve', 'root: nowhere\n');
    const served = await serveOnce(cwd);
    expect(served.stderr).toContain("build failed: the runbooks folder nowhere (the config's `root`) does not exist");
    expect(served.status).toBe(500);
    expect(served.body).toContain("the runbooks folder nowhere (the config's `root`) does not exist");
  });
});

describe('the reader of the output goes away', () => {
  // Regression: `runbook show --help | head -2` (and `runbook check | head`) crashed with an
  // unhandled EPIPE error and a stack trace once head had read enough.
  it.each([['show', '--help'], ['check', '--format', 'json', ...TODAY]])('%s %s: no EPIPE crash, the command’s own exit code', async (...argv) => {
    const child = spawn(process.execPath, [bin, ...argv], { cwd: examplesIn(`epipe-${argv[0]}`), stdio: ['ignore', 'pipe', 'pipe'] });
    // The reader closes its end before anything is written, as `head` does once it has its lines.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});
