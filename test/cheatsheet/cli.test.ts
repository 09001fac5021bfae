import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readHeadCommit } from '../../src/io/head-commit.js';
import { runCli } from '../cli/run-cli.js';
import { PROJECT_ROOT } from '../shared.js';

const temporary = mkdtempSync(join(tmpdir(), 'runbook-cheatsheet-'));
afterAll(() => {
  rmSync(temporary, { recursive: true, force: true });
});

const golden = (name: string): string => readFileSync(join(PROJECT_ROOT, 'test', 'cheatsheet', 'golden', name), 'utf8');

describe('runbook cheatsheet', () => {
  test('prints the md or txt sheet of one team to stdout', async () => {
    for (const format of ['md', 'txt'] as const) {
      const result = await runCli(['cheatsheet', '--team', 'platform', '--format', format, '--no-git'], PROJECT_ROOT);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      // The golden files carry a fixed commit; without git the sheet says `unknown`.
      expect(result.stdout).toBe(golden(`platform.${format}`).replace('abc1234', 'unknown'));
    }
  });

  test('writes one html file per team to --out, with no script in it', async () => {
    const out = join(temporary, 'sheets');
    const result = await runCli(['cheatsheet', '--no-git', '--out', out], PROJECT_ROOT);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`wrote 3 cheat sheets to ${out}/: data.html, payments.html, platform.html\n`);
    expect(readdirSync(out).sort()).toEqual(['data.html', 'payments.html', 'platform.html']);
    const html = readFileSync(join(out, 'platform.html'), 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Generated 2026-11-27 from commit <code>unknown</code>');
  });

  test('writes per-service sheets with --service, to files even for text formats', async () => {
    const out = join(temporary, 'services');
    const result = await runCli(['cheatsheet', '--service', '--format', 'txt', '--no-git', '--out', out], PROJECT_ROOT);
    expect(result.code).toBe(0);
    expect(readdirSync(out)).toContain('orders-db.txt');
    expect(readFileSync(join(out, 'orders-db.txt'), 'utf8')).toMatch(/^Service orders-db: on-call cheat sheet\n/);
  });

  test('links to the full runbooks under --base-url', async () => {
    const result = await runCli(['cheatsheet', '--team', 'data', '--format', 'txt', '--no-git', '--base-url', 'https://runbooks.example.com'], PROJECT_ROOT);
    expect(result.stdout).toContain('Full runbook: https://runbooks.example.com/runbooks/database/primary-down/\n');
  });

  test('names the teams there are when asked for one that is not (exit 2)', async () => {
    const result = await runCli(['cheatsheet', '--team', 'nobody', '--no-git'], PROJECT_ROOT);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'runbook: no runbooks of team `nobody`: expected one of `data`, `payments`, `platform`\n' });
  });

  test('refuses --team and --service together (exit 2)', async () => {
    const result = await runCli(['cheatsheet', '--team', 'data', '--service', 'orders-db'], PROJECT_ROOT);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("option '--team <team>' cannot be used with option '--service [service]'");
  });

  test('says Chromium is missing and suggests --format html when it cannot print a pdf (exit 2)', async () => {
    const out = join(temporary, 'no-pdf');
    const result = await runCli(['cheatsheet', '--format', 'pdf', '--no-git', '--out', out], PROJECT_ROOT, { CHROMIUM_PATH: join(temporary, 'no-such-chromium') });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--format pdf needs Chromium, which was not found');
    expect(result.stderr).toContain('use --format html');
    expect(existsSync(out)).toBe(false);
  });

  test('documents where the sheets go in --help', async () => {
    const result = await runCli(['cheatsheet', '--help'], PROJECT_ROOT);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('with --format md or txt, one sheet selected');
  });
});

describe('readHeadCommit', () => {
  test('is unknown outside a git repository', async () => {
    expect(await readHeadCommit(temporary)).toEqual({ kind: 'unknown' });
  });

  test.runIf(existsSync(join(PROJECT_ROOT, '.git')))('is the short hash of HEAD inside one', async () => {
    const commit = await readHeadCommit(join(PROJECT_ROOT, 'runbooks'));
    expect(commit.kind === 'known' ? commit.short : commit.kind).toMatch(/^[0-9a-f]{7,}$/);
  });
});
