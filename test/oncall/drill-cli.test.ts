import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as CreateFile from '../../src/io/create-file.js';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/io/io.js';
import { PROJECT_ROOT } from '../shared.js';

/**
 * `runbook drill` in-process, scripted with --answers (the terminal itself is drill-tty.test.ts):
 * where the record goes and when it is refused, last_tested, exit codes. The clock starts at
 * 2026-12-05T01:02:03Z and moves 30 s at each reading.
 */
const FIXTURE = join(PROJECT_ROOT, 'test', 'fixtures', 'oncall', 'drill');
const RUNBOOK = join('database', 'primary-down.md');

const folders: string[] = [];

/** When set, creating a file fails as on a full disk: for a record that cannot be written. */
const disk = vi.hoisted(() => ({ full: false }));

vi.mock('../../src/io/create-file.js', async (importOriginal) => {
  const actual = await importOriginal<typeof CreateFile>();
  return {
    ...actual,
    createFile: (...args: Parameters<typeof CreateFile.createFile>) => {
      if (!disk.full) return actual.createFile(...args);
      throw new Error(`cannot create ${args[0]}`, { cause: Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }) });
    },
  };
});

afterEach(() => {
  disk.full = false;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function copy(): string {
  const folder = mkdtempSync(join(tmpdir(), 'runbook-drill-'));
  folders.push(folder);
  cpSync(FIXTURE, folder, { recursive: true });
  return folder;
}

async function drill(folder: string, answers: readonly string[] | undefined, args: readonly string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  let time = Date.parse('2026-12-05T01:02:03Z');
  let stdout = '';
  let stderr = '';
  const io: Io = {
    cwd: folder,
    env: { SHELL: '/bin/sh' },
    stdout: { write: (text) => (stdout += text), isTTY: false },
    stderr: { write: (text) => (stderr += text), isTTY: false },
    now: () => {
      const now = new Date(time);
      time += 30_000;
      return now;
    },
  };
  const answerArgs = answers === undefined ? [] : ['--answers', 'answers.txt'];
  if (answers !== undefined) writeFileSync(join(folder, 'answers.txt'), answers.map((line) => `${line}\n`).join(''));
  const code = await main(['drill', 'PostgresPrimaryDown', '--operator', 'Ada', ...answerArgs, ...args], io);
  return { code, stdout, stderr };
}

function records(folder: string): readonly string[] {
  if (!existsSync(join(folder, 'drills'))) return [];
  return readdirSync(join(folder, 'drills'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md')).sort();
}

describe('runbook drill --answers', () => {
  it('answers a drill from a file, echoing each answer after its prompt, and writes the record', async () => {
    const folder = copy();
    const { code, stdout, stderr } = await drill(folder, ['d', 'n replica lag was 40 s', 'd', 'f']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain('> n replica lag was 40 s\nNote added. Now answer the step:\n> d\n');
    expect(stdout).toMatch(/Failed: step 3 failed\. The drill took 2 min 0 s\.\nRecord: drills\/database\/primary-down\/2026-12-05\.md\n$/);
    expect(readFileSync(join(folder, 'drills', 'database', 'primary-down', '2026-12-05.md'), 'utf8')).toContain('    note: replica lag was 40 s\n');
  });

  it('a second drill the same day gets -2, never overwriting the first', async () => {
    const folder = copy();
    await drill(folder, ['q']);
    const first = readFileSync(join(folder, 'drills', 'database', 'primary-down', '2026-12-05.md'));
    const { stdout } = await drill(folder, ['d', 'd', 'd']);
    expect(stdout).toContain('Record: drills/database/primary-down/2026-12-05-2.md\n');
    expect(records(folder)).toEqual([join('database', 'primary-down', '2026-12-05-2.md'), join('database', 'primary-down', '2026-12-05.md')]);
    expect(readFileSync(join(folder, 'drills', 'database', 'primary-down', '2026-12-05.md'))).toEqual(first);
  });

  it('answers that run out before the last step abort the drill (exit 1, recorded)', async () => {
    const folder = copy();
    const { code, stdout } = await drill(folder, ['d']);
    expect(code).toBe(1);
    expect(stdout).toContain('The input ended before the last step.\n\nAborted: 1 of 3 steps answered');
    expect(records(folder)).toHaveLength(1);
  });

  it('a recovered drill whose last_tested is already later keeps the record and says why last_tested was not set (exit 1)', async () => {
    const folder = copy();
    const file = join(folder, RUNBOOK);
    writeFileSync(file, readFileSync(file, 'utf8').replace('last_tested: 2026-08-01', 'last_tested: 2026-12-31'));
    const before = readFileSync(file);
    const { code, stdout, stderr } = await drill(folder, ['d', 's', 'd']);
    expect(code).toBe(1);
    expect(stdout).toContain('Recovered: every step done (1 skipped). Time to recover: 1 min 30 s.\nRecord: drills/database/primary-down/2026-12-05.md\n');
    expect(stderr).toBe(
      'runbook: the drill record is kept, but last_tested was not set: database/primary-down.md:5:14: the date `2026-12-05` is before the current `last_tested` `2026-12-31`; a drill is recorded on or after the last one\n',
    );
    expect(readFileSync(file)).toEqual(before);
    expect(records(folder)).toHaveLength(1);
  });

  it('without a terminal and without --answers is a usage error that says how to script it', async () => {
    const folder = copy();
    const { code, stderr } = await drill(folder, undefined);
    expect(code).toBe(2);
    expect(stderr).toContain('stdin is not a terminal: to script a drill, give the answers with --answers FILE');
  });
});

describe('runbook drill refuses, writing nothing (exit 2)', () => {
  it('a drills folder that is a symlink, inside the repository or out of it', async () => {
    const folder = copy();
    mkdirSync(join(folder, 'records'));
    symlinkSync('records', join(folder, 'drills'));
    const inside = await drill(folder, ['d', 'd', 'd']);
    expect(inside.code).toBe(2);
    expect(inside.stdout).toBe('');
    expect(inside.stderr).toBe('runbook: no drill: `drills` is a symlink: drill records are never written through one (nothing written)\n');
    expect(readdirSync(join(folder, 'records'))).toEqual([]);
    const elsewhere = mkdtempSync(join(tmpdir(), 'runbook-drill-elsewhere-'));
    folders.push(elsewhere);
    rmSync(join(folder, 'drills'));
    symlinkSync(elsewhere, join(folder, 'drills'));
    const outside = await drill(folder, ['d', 'd', 'd']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('`drills` is a symlink');
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('a symlink or a file deeper on the way', async () => {
    const folder = copy();
    mkdirSync(join(folder, 'drills', 'database'), { recursive: true });
    symlinkSync('/tmp', join(folder, 'drills', 'database', 'primary-down'));
    expect((await drill(folder, ['d', 'd', 'd'])).stderr).toBe('runbook: no drill: `drills/database/primary-down` is a symlink: drill records are never written through one (nothing written)\n');
    rmSync(join(folder, 'drills', 'database', 'primary-down'));
    writeFileSync(join(folder, 'drills', 'database', 'primary-down'), '');
    const { code, stderr } = await drill(folder, ['d', 'd', 'd']);
    expect(code).toBe(2);
    expect(stderr).toBe('runbook: no drill: `drills/database/primary-down` is not a folder: the drill records of database/primary-down go in `drills/database/primary-down` (nothing written)\n');
  });

  it('a runbook whose id holds a control character, which its record could never name', async () => {
    const folder = copy();
    renameSync(join(folder, RUNBOOK), join(folder, 'database', 'primary\u0085down.md'));
    const { code, stderr } = await drill(folder, ['d', 'd', 'd']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'runbook: no drill: the runbook id `database/primary\\u0085down` holds a control character or bidi mark, which a drill record cannot hold as it is (the record would count for no runbook); rename database/primary\\u0085down.md\n',
    );
    expect(records(folder)).toEqual([]);
  });

  it('a target that names no runbook', async () => {
    const folder = copy();
    let stderr = '';
    writeFileSync(join(folder, 'answers.txt'), 'd\n');
    const code = await main(['drill', 'NoSuchAlert', '--answers', 'answers.txt'], { cwd: folder, env: {}, stdout: { write: () => undefined, isTTY: false }, stderr: { write: (text) => (stderr += text), isTTY: false }, now: () => new Date('2026-12-05T01:02:03Z') });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^runbook: no drill: no runbook /);
    expect(records(folder)).toEqual([]);
  });
});

/** The fixture with its first step's command `first` (the second's `true`), for a drill with --exec answered y to each: recovered. */
function withCommand(first: string): string {
  const folder = copy();
  const file = join(folder, RUNBOOK);
  writeFileSync(file, readFileSync(file, 'utf8').replace('touch step-one.marker', first).replace('touch step-two.marker; exit 3', 'true'));
  return folder;
}

const RECOVERING = ['y', '', 'y', '', 'd'];

describe('what a recovered drill with --exec may not do to files, and a record that cannot be written', () => {
  it('a runbook replaced by a symlink during the drill is not edited through it: the record is kept (exit 1)', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'runbook-drill-victim-'));
    folders.push(outside);
    const victim = '---\ntitle: Not a runbook of this repository\nlast_tested: 2026-01-01\n---\n';
    writeFileSync(join(outside, 'victim.md'), victim);
    const folder = withCommand(`mv ${RUNBOOK} saved.md && ln -s ${join(outside, 'victim.md')} ${RUNBOOK}`);
    const { code, stdout, stderr } = await drill(folder, RECOVERING, ['--exec']);
    expect(stdout).toContain('Recovered: every step done.');
    expect(stderr).toBe(
      'runbook: the drill record is kept, but last_tested was not set: database/primary-down.md became a symlink during the drill (it was a file when the drill started): ' +
        'a runbook is never edited through a link that appeared meanwhile; check it, then run `runbook tested database/primary-down --date 2026-12-05`\n',
    );
    expect(code).toBe(1);
    expect(readFileSync(join(outside, 'victim.md'), 'utf8')).toBe(victim);
    expect(records(folder)).toHaveLength(1);
  });

  it('a runbook rewritten by another file during the drill: edited only when its bytes are the same', async () => {
    const same = withCommand(`cp ${RUNBOOK} copy.md && rm ${RUNBOOK} && mv copy.md ${RUNBOOK}`);
    expect((await drill(same, RECOVERING, ['--exec'])).code).toBe(0);
    expect(readFileSync(join(same, RUNBOOK), 'utf8')).toContain('last_tested: 2026-12-05 # the summer game day');
    const changed = withCommand(`sed 's/Writes fail/Writes stop/' ${RUNBOOK} > copy.md && mv copy.md ${RUNBOOK}`);
    const { code, stderr } = await drill(changed, RECOVERING, ['--exec']);
    expect(code).toBe(1);
    expect(stderr).toContain('database/primary-down.md was replaced by another file during the drill; check it');
    expect(readFileSync(join(changed, RUNBOOK), 'utf8')).toContain('last_tested: 2026-08-01');
  });

  it('a record that cannot be written (the drills folder became a symlink) is printed whole, to save by hand (exit 2)', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'runbook-drill-elsewhere-'));
    folders.push(elsewhere);
    const folder = withCommand(`ln -s ${elsewhere} drills`);
    const { code, stdout, stderr } = await drill(folder, RECOVERING, ['--exec']);
    expect(code).toBe(2);
    expect(stderr).toBe('runbook: the drill record was not written: `drills` is a symlink: drill records are never written through one (nothing written)\n');
    expect(stdout).toMatch(/Time to recover: 3 min 30 s\.\n\nThe record, to save by hand:\n\n---\nrunbook: database\/primary-down\n[^]*\noutcome: recovered\n[^]*\n---\n[^]*\n$/);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(readFileSync(join(folder, RUNBOOK), 'utf8')).toContain('last_tested: 2026-08-01');
  });

  it('a record the file system fails to write (a full disk) is printed whole, with the reason (exit 2)', async () => {
    const folder = copy();
    disk.full = true;
    const { code, stdout, stderr } = await drill(folder, ['d', 'n slow', 'f', 'd']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^runbook: the drill record was not written: cannot create \S+2026-12-05\.md: caused by: ENOSPC: no space left on device, write\n$/);
    expect(stdout).toMatch(/The drill took 2 min 0 s\.\n\nThe record, to save by hand:\n\n---\nrunbook: database\/primary-down\n[^]*\n {4}note: slow\n[^]*\n$/);
    expect(records(folder)).toEqual([]);
  });
});

describe('runbook drill --help', () => {
  it('documents the exit codes, with examples', async () => {
    let stdout = '';
    const code = await main(['drill', '--help'], { cwd: PROJECT_ROOT, env: {}, stdout: { write: (text) => (stdout += text), isTTY: false }, stderr: { write: () => undefined, isTTY: false }, now: () => new Date() });
    expect(code).toBe(0);
    expect(stdout).toContain('Exit codes:\n  0  recovered');
    expect(stdout).toContain('$ runbook drill PostgresPrimaryDown --env staging --exec');
  });
});
