import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../shared.js';
import { runCli } from './run-cli.js';

/**
 * Scenario fixtures: each folder under test/fixtures/check/ is a small runbook collection with its
 * own runbook.config.yaml, an optional `args` file (one CLI argument per line, default below) and
 * `expected.txt`: `# exit N`, then the exact stdout. `UPDATE_FIXTURES=1` rewrites expected.txt,
 * for review in the diff.
 */
const FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures', 'check');
const DEFAULT_ARGS = ['check', '--today', '2026-11-27', '--format', 'concise', '--no-git'];

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('check scenarios (test/fixtures/check)', () => {
  it.each(cases)('%s', async (name) => {
    const folder = join(FIXTURES, name);
    const argsFile = join(folder, 'args');
    const args = existsSync(argsFile)
      ? readFileSync(argsFile, 'utf8').split('\n').filter((line) => line !== '')
      : DEFAULT_ARGS;
    const result = await runCli(args, folder);
    const actual = `# exit ${result.code}\n${result.stdout}${result.stderr === '' ? '' : `# stderr\n${result.stderr}`}`;
    const expectedFile = join(folder, 'expected.txt');
    if (process.env.UPDATE_FIXTURES === '1') writeFileSync(expectedFile, actual);
    if (!existsSync(expectedFile)) throw new Error(`${expectedFile} is missing: run with UPDATE_FIXTURES=1 and review it`);
    expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
  });
});
