import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

/**
 * A cloned repository may hold symlinks. `runbook new` and `runbook init` must write only inside the
 * repository (every existing folder on the way resolved), and `new` only where `check` finds the
 * runbook again: never through a symlink that leads out, dangles, or hides a folder from `check`.
 */
let outer: string;
let repository: string;
let elsewhere: string;
beforeEach(() => {
  outer = mkdtempSync(join(tmpdir(), 'runbook-links-'));
  repository = join(outer, 'repository');
  elsewhere = join(outer, 'elsewhere');
  mkdirSync(repository);
  mkdirSync(elsewhere);
});
afterEach(() => {
  rmSync(outer, { recursive: true, force: true });
});

/** Every name under `folder`, recursively, without following symlinks. */
function names(folder: string, prefix = ''): readonly string[] {
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => [`${prefix}${entry.name}`, ...(entry.isDirectory() ? names(join(folder, entry.name), `${prefix}${entry.name}/`) : [])])
    .sort();
}

/** `runbook init` in the repository, then a snapshot of what is beside it. */
async function initialised(): Promise<void> {
  expect((await runCli(['init'], repository)).code).toBe(0);
}

describe('runbook new refuses to write through a symlink', () => {
  it('refuses a folder symlink under the runbooks folder leading out of the repository (runbooks/team -> elsewhere)', async () => {
    await initialised();
    symlinkSync(elsewhere, join(repository, 'runbooks', 'team'));
    const result = await runCli(['new', 'team/disk-full'], repository);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `runbook: not created: \`runbooks/team\` is a symlink to \`${elsewhere}\` and leads to ${elsewhere}, outside the repository folder \`.\`; ` +
        'expected a real folder, or a symlink to one inside it: nothing is written through it\n',
    );
    expect(names(elsewhere)).toEqual([]);
  });

  it('refuses a folder symlink that stays inside the runbooks folder, since check would not find the runbook under its id', async () => {
    await initialised();
    mkdirSync(join(repository, 'runbooks', 'platform'));
    symlinkSync('platform', join(repository, 'runbooks', 'team'));
    const result = await runCli(['new', 'team/disk-full'], repository);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('`runbooks/team` is a symlink to `platform`; `check` does not follow folder symlinks');
    expect(names(join(repository, 'runbooks', 'platform'))).toEqual([]);
  });

  it('refuses a runbooks folder that is a symlink to the parent folder (runbooks -> ..), naming it', async () => {
    await initialised();
    rmSync(join(repository, 'runbooks'), { recursive: true });
    symlinkSync('..', join(repository, 'runbooks'));
    const result = await runCli(['new', 'disk-full'], repository);
    // The config's `root` leads out of the repository: refused when the config is loaded (see config-paths.test.ts).
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'runbook: invalid configuration:\n  runbook.config.yaml:11:7: `root` is `runbooks`, which leads out of the repository `.` ' +
        `(the config file's folder, which is in no git work tree): \`runbooks\` is a symlink to \`..\`, leading to \`${outer}\`; ` +
        'expected the runbooks folder inside the repository, with no symlink on the way leading out of it\n',
    );
    expect(names(outer)).not.toContain('disk-full.md');
  });

  it('refuses a dangling folder symlink, creating nothing where it points', async () => {
    await initialised();
    symlinkSync(join(elsewhere, 'missing'), join(repository, 'runbooks', 'team'));
    const result = await runCli(['new', 'team/disk-full'], repository);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('`runbooks/team` is a symlink to');
    expect(names(elsewhere)).toEqual([]);
  });

  it('refuses a dangling symlink at the file name itself, creating nothing where it points', async () => {
    await initialised();
    symlinkSync(join(elsewhere, 'disk-full.md'), join(repository, 'runbooks', 'disk-full.md'));
    const result = await runCli(['new', 'disk-full'], repository);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `runbook: not created: \`runbooks/disk-full.md\` is a symlink to \`${join(elsewhere, 'disk-full.md')}\` and leads nowhere (it dangles or loops); ` +
        'expected a file name that is not a symlink: nothing is written through it\n',
    );
    expect(names(elsewhere)).toEqual([]);
  });

  it('refuses a symlink at the file name leading to a runbook inside the runbooks folder, leaving both files as they were', async () => {
    await initialised();
    symlinkSync('website-down.md', join(repository, 'runbooks', 'disk-full.md'));
    const result = await runCli(['new', 'disk-full'], repository);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('runbook: not created: `runbooks/disk-full.md` exists (a symlink to `website-down.md`), left as it was\n');
    expect(readFileSync(join(repository, 'runbooks', 'website-down.md'), 'utf8')).toContain('title:');
  });

  it('refuses ids with `..` that would climb out of the runbooks folder', async () => {
    await initialised();
    for (const id of ['../escape', 'team/../../escape', '..', 'team/..']) {
      const result = await runCli(['new', id], repository);
      expect(result.code, id).toBe(1);
      expect(result.stderr, id).toContain('is not allowed; ids are paths inside the runbooks folder');
    }
    expect(names(outer).filter((name) => name.includes('escape'))).toEqual([]);
  });

  it('writes through a runbooks folder that is a symlink inside the repository, and check then finds the runbook under its id', async () => {
    await initialised();
    mkdirSync(join(repository, 'docs'));
    renameSync(join(repository, 'runbooks'), join(repository, 'docs', 'runbooks'));
    symlinkSync(join('docs', 'runbooks'), join(repository, 'runbooks'));
    const created = await runCli(['new', 'database/replica-lag'], repository);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(existsSync(join(repository, 'docs', 'runbooks', 'database', 'replica-lag.md'))).toBe(true);
    const check = await runCli(['check', '--format', 'json'], repository);
    const report = JSON.parse(check.stdout) as { files: { file: string }[] };
    expect(report.files.map((entry) => entry.file)).toContain('runbooks/database/replica-lag.md');
  });
});

describe('runbook init refuses to write through a symlink leading out of the folder', () => {
  it('refuses a .github symlink to a folder elsewhere with exit 2, and writes nothing at all', async () => {
    symlinkSync(elsewhere, join(repository, '.github'));
    const result = await runCli(['init'], repository);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `runbook: nothing written: \`.github\` is a symlink to \`${elsewhere}\` and leads to ${elsewhere}, outside the folder being set up \`.\`; ` +
        'expected a real folder, or a symlink to one inside it: nothing is written through it\n',
    );
    expect(names(elsewhere)).toEqual([]);
    expect(names(repository)).toEqual(['.github']);
  });

  it('refuses a runbooks symlink to the parent folder (runbooks -> ..)', async () => {
    symlinkSync('..', join(repository, 'runbooks'));
    const result = await runCli(['init'], repository);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('`runbooks` is a symlink to `..` and leads to');
    expect(names(outer)).toEqual(['elsewhere', 'repository', 'repository/runbooks']);
  });

  it('refuses a dangling symlink at a file name (.gitlab-ci.yml -> elsewhere), creating nothing where it points', async () => {
    symlinkSync(join(elsewhere, 'ci.yml'), join(repository, '.gitlab-ci.yml'));
    const result = await runCli(['init'], repository);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('`.gitlab-ci.yml` is a symlink to');
    expect(result.stderr).toContain('leads nowhere (it dangles or loops); expected a file name that is not a symlink');
    expect(names(elsewhere)).toEqual([]);
    expect(names(repository)).toEqual(['.gitlab-ci.yml']);
  });

  it('writes through a folder symlink that stays inside the folder', async () => {
    mkdirSync(join(repository, 'ci'));
    symlinkSync('ci', join(repository, '.github'));
    const result = await runCli(['init'], repository);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(existsSync(join(repository, 'ci', 'workflows', 'runbooks.yml'))).toBe(true);
  });
});
