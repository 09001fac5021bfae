import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { PROJECT_ROOT } from '../shared.js';

/** The site's `due.ics`: one build of test/fixtures/due. */
const FIXTURE = join(PROJECT_ROOT, 'test', 'fixtures', 'due');

let out: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'runbook-due-site-'));
  const build = await runCli(['build', '--out', out, '--today', '2026-12-05', '--no-git'], FIXTURE);
  expect(build.code).toBe(0);
}, 60_000);

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

describe("the site's due.ics", () => {
  it('has the bytes of `runbook due --format ics --within 90d` on the day of the build', async () => {
    const cli = await runCli(['due', '--format', 'ics', '--within', '90d', '--today', '2026-12-05'], FIXTURE);
    expect(cli.code).toBe(1);
    expect(readFileSync(join(out, 'due.ics'), 'utf8')).toBe(cli.stdout);
    // Not the fresh runbook: due 2027-04-01, after the 90 days.
    expect(cli.stdout.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(5);
  });

  it('is linked from the index page', () => {
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<p><a href="due.ics">Subscribe to due dates</a>');
  });

  it('is the only file of its name: every runbook and alert page is in a folder', () => {
    const files = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((name) => statSync(join(out, name)).isFile());
    expect(files.filter((name) => name.endsWith('due.ics'))).toEqual(['due.ics']);
    expect(files.filter((name) => !name.includes('/') && !name.startsWith('.')).sort()).toEqual(['404.html', 'catalog.json', 'due.ics', 'index.html']);
  });
});
