import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { PROJECT_ROOT } from '../shared.js';

/**
 * `runbook tested` on copies of test/fixtures/oncall/tested*: files in every style the command must
 * preserve byte for byte. The clock of `runCli` says 2026-11-27.
 */
const FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures', 'oncall');

const folders: string[] = [];

/** A fresh copy of a fixture folder, removed after the test. */
function copyOf(fixture: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'runbook-tested-'));
  folders.push(folder);
  cpSync(join(FIXTURES, fixture), folder, { recursive: true });
  return folder;
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Every file under a folder with its bytes, to show that nothing changed (and nothing was added). */
function snapshot(folder: string): ReadonlyMap<string, string> {
  const names = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => statSync(join(folder, name)).isFile());
  return new Map(names.sort().map((name) => [name, readFileSync(join(folder, name)).toString('hex')]));
}

/** The bytes of `text` with the one occurrence of `from` replaced by `to`. */
function replacedOnce(text: Buffer, from: string, to: string): Buffer {
  const at = text.indexOf(from);
  expect(at).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(from, at + 1)).toBe(-1);
  return Buffer.concat([text.subarray(0, at), Buffer.from(to), text.subarray(at + from.length)]);
}

/** Runs `tested` on a copy and returns the file's bytes before and after. */
async function recordIn(fixture: string, file: string, argv: readonly string[]): Promise<{ before: Buffer; after: Buffer; stdout: string; folder: string }> {
  const folder = copyOf(fixture);
  const before = readFileSync(join(folder, file));
  const result = await runCli(['tested', ...argv], folder);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return { before, after: readFileSync(join(folder, file)), stdout: result.stdout, folder };
}

describe('runbook tested', () => {
  it('changes only the date bytes of a file with comments, and confirms in one line', async () => {
    const { before, after, stdout } = await recordIn('tested', 'comments.md', ['comments']);
    expect(after).toEqual(replacedOnce(before, 'last_tested: 2026-08-01 # the autumn game day', 'last_tested: 2026-11-27 # the autumn game day'));
    expect(stdout).toBe('recorded a drill of comments on 2026-11-27 (was 2026-08-01): comments.md\n');
  });

  it('keeps CRLF line endings', async () => {
    const { before, after } = await recordIn('tested', 'crlf.md', ['crlf']);
    expect(before.toString('latin1')).toContain('\r\nlast_tested: 2026-08-01\r\n');
    expect(after).toEqual(replacedOnce(before, '2026-08-01', '2026-11-27'));
  });

  it('keeps the byte order mark and the double quotes', async () => {
    const { before, after } = await recordIn('tested', 'bom.md', ['bom']);
    expect([...before.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(after).toEqual(replacedOnce(before, 'last_tested: "2026-08-01"', 'last_tested: "2026-11-27"'));
  });

  it('keeps double and single quotes', async () => {
    const double = await recordIn('tested', 'double-quoted.md', ['double-quoted']);
    expect(double.after).toEqual(replacedOnce(double.before, '"2026-08-01"', '"2026-11-27"'));
    const single = await recordIn('tested', 'single-quoted.md', ['single-quoted']);
    expect(single.after).toEqual(replacedOnce(single.before, "'2026-08-01'", "'2026-11-27'"));
  });

  it('replaces `never` with the date', async () => {
    const { before, after, stdout } = await recordIn('tested', 'never.md', ['never']);
    expect(after).toEqual(replacedOnce(before, 'last_tested: never\n', 'last_tested: 2026-11-27\n'));
    expect(stdout).toBe('recorded a drill of never on 2026-11-27 (was never): never.md\n');
  });

  it('fills in an empty value, keeping its comment', async () => {
    const { before, after } = await recordIn('tested', 'empty-value.md', ['empty-value']);
    expect(after).toEqual(replacedOnce(before, 'last_tested: # fill', 'last_tested: 2026-11-27 # fill'));
  });

  it('adds a missing key as the last line of the frontmatter', async () => {
    const { before, after, stdout } = await recordIn('tested', 'missing.md', ['missing']);
    expect(after).toEqual(replacedOnce(before, '  - MissingKeyAlert\n---\n', '  - MissingKeyAlert\nlast_tested: 2026-11-27\n---\n'));
    expect(stdout).toBe('recorded a drill of missing on 2026-11-27 (was not set): missing.md\n');
  });

  it('adds a missing key with the CRLF line ending of the file', async () => {
    const { before, after } = await recordIn('tested', 'crlf-missing.md', ['crlf-missing']);
    expect(after).toEqual(replacedOnce(before, 'severity: low\r\n---\r\n', 'severity: low\r\nlast_tested: 2026-11-27\r\n---\r\n'));
  });

  it('writes the key the config maps `last_tested` to (GOV.UK `last_reviewed_on`)', async () => {
    const existing = await recordIn('tested-govuk', 'restart-worker.md', ['restart-worker']);
    expect(existing.after).toEqual(replacedOnce(existing.before, 'last_reviewed_on: 2026-08-01', 'last_reviewed_on: 2026-11-27'));
    const missing = await recordIn('tested-govuk', 'rotate-certificate.md', ['rotate-certificate']);
    expect(missing.after).toEqual(replacedOnce(missing.before, 'severity: medium\n---\n', 'severity: medium\nlast_reviewed_on: 2026-11-27\n---\n'));
  });

  it('finds the runbook by an alert it answers and records the --date given', async () => {
    const { before, after, stdout } = await recordIn('tested', 'comments.md', ['commentsalert', '--date', '2026-09-15']);
    expect(after).toEqual(replacedOnce(before, '2026-08-01', '2026-09-15'));
    expect(stdout).toBe('recorded a drill of comments on 2026-09-15 (was 2026-08-01): comments.md\n');
  });

  it('keeps the permissions of the file and leaves no temporary file', async () => {
    const folder = copyOf('tested');
    chmodSync(join(folder, 'never.md'), 0o640);
    const names = readdirSync(folder).sort();
    expect((await runCli(['tested', 'never'], folder)).code).toBe(0);
    expect(statSync(join(folder, 'never.md')).mode & 0o777).toBe(0o640);
    expect(readdirSync(folder).sort()).toEqual(names);
  });
});

describe('runbook tested refuses, leaving every file untouched', () => {
  /** Runs `tested` on a copy and checks that no file changed. */
  async function refused(fixture: string, argv: readonly string[]): Promise<{ code: number; stderr: string }> {
    const folder = copyOf(fixture);
    const before = snapshot(folder);
    const result = await runCli(['tested', ...argv], folder);
    expect(result.stdout).toBe('');
    expect(snapshot(folder)).toEqual(before);
    return result;
  }

  it('a date in the future', async () => {
    const result = await refused('tested', ['comments', '--date', '2026-11-28']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('runbook: not recorded: the date `2026-11-28` is in the future (today is 2026-11-27 in UTC); record a drill once it has happened\n');
  });

  it('a date before the current one, quoting both and where the current one is', async () => {
    const result = await refused('tested', ['comments', '--date', '2026-07-31']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'runbook: not recorded: comments.md:5:14: the date `2026-07-31` is before the current `last_tested` `2026-08-01`; a drill is recorded on or after the last one\n',
    );
  });

  it('a frontmatter that does not parse, showing the diagnostic', async () => {
    const result = await refused('tested', ['broken']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'broken.md:2:8: error Invalid frontmatter YAML: Nested mappings are not allowed in compact mappings (BLOCK_AS_IMPLICIT_KEY) (yaml-syntax)\n' +
        'runbook: not recorded: broken.md: the frontmatter cannot be read (see above); fix it first\n',
    );
  });

  it('a key written twice', async () => {
    const result = await refused('tested', ['duplicate']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('runbook: not recorded: duplicate.md:7:1: `last_tested` is written twice; remove one first\n');
  });

  it('an impossible date, as bad usage (exit 2)', async () => {
    const result = await refused('tested', ['comments', '--date', '2026-02-30']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('invalid --date `2026-02-30`');
  });

  it('an unknown target, suggesting the closest ids', async () => {
    const result = await refused('tested', ['double-quote']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('runbook: not recorded: no runbook matches `double-quote`\nClosest:\n  double-quoted\n');
  });

  it('a target that is only words of a title, suggesting the runbook', async () => {
    const words = await refused('tested', ['byte order']);
    expect(words.code).toBe(1);
    expect(words.stderr).toContain('Closest:\n  Byte order mark (bom)\n');
  });

  it('an alert that several runbooks answer, listing them', async () => {
    const result = await refused('show', ['PaymentsDegraded']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('runbook: not recorded: `PaymentsDegraded` matches 2 runbooks:\n  1. Card declines spike\n');
  });
});
