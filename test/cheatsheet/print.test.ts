/**
 * The printed sheet, for real: headless Chromium prints the HTML sheet of a team of ten runbooks on
 * A4 and on Letter, and it must fit on two pages. Skipped loudly without Chromium, except with
 * RUNBOOK_REQUIRE_BROWSER=1, where a missing browser fails.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { compileSheetHtml, sheetTemplatesOf } from '../../src/cheatsheet/html.js';
import type { CheatSheet } from '../../src/cheatsheet/sheet.js';
import { findChromium, printPdfs, type PaperFormat } from '../../src/io/chromium.js';
import { loadTemplates } from '../../src/io/templates.js';
import { runCli } from '../cli/run-cli.js';
import { SHARED, sharedAvailable } from '../shared.js';
import { sheetOf, sheetsOf, TEAM_OF_TEN, teamWithLongRunbook } from './sheets.js';

const PAPERS: readonly PaperFormat[] = ['A4', 'Letter'];
const MAX_PAGES = 2;

function chromiumOrSkip(): string | undefined {
  const found = findChromium(process.env);
  if (found.kind === 'found') return found.path;
  const reason = `Chromium not found (looked at ${found.looked.join(', ')}; set CHROMIUM_PATH): skipping the printed cheat sheet tests`;
  if (process.env.RUNBOOK_REQUIRE_BROWSER === '1') throw new Error(`${reason} is not allowed when RUNBOOK_REQUIRE_BROWSER=1`);
  console.warn(`\n*** ${reason} ***\n`);
  return undefined;
}

/** Pages of a PDF as Chromium writes it: one `/Type /Page` object per page (`/Pages` is the tree). */
function pageCount(pdf: Uint8Array): number {
  return Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}

const chromium = chromiumOrSkip();
const temporary = mkdtempSync(join(tmpdir(), 'runbook-print-'));
afterAll(() => {
  rmSync(temporary, { recursive: true, force: true });
});
const html = compileSheetHtml(sheetTemplatesOf(loadTemplates(undefined)));

/** Prints a sheet on each paper size and returns the page counts. */
async function printedPages(executable: string, sheet: CheatSheet): Promise<Readonly<Record<PaperFormat, number>>> {
  const document = html(sheet, { kind: 'standalone' });
  const [a4, letter] = await Promise.all(PAPERS.map(async (paper) => pageCount((await printPdfs(executable, [document], paper))[0] ?? new Uint8Array())));
  const counts = { A4: a4 ?? 0, Letter: letter ?? 0 };
  console.info(`cheat sheet of ${sheet.name} (${sheet.runbooks.length} runbooks): ${counts.A4} pages on A4, ${counts.Letter} on Letter`);
  return counts;
}

/**
 * Ten runbooks of one team from the shared corpus generator (`gen-corpus.mjs`, 200 runbooks, seed
 * 42): the first team with at least ten, its first ten files, with a config naming the team and the
 * generator's severities.
 */
function generatedTeam(): string {
  const corpus = join(temporary, 'corpus');
  execFileSync('node', [join(SHARED, 'bench', 'gen-corpus.mjs'), '--n', '200', '--out', corpus, '--seed', '42']);
  const team = readdirSync(corpus)
    .sort()
    .find((folder) => readdirSync(join(corpus, folder)).filter((file) => file.endsWith('.md')).length >= 10);
  if (team === undefined) throw new Error('the generated corpus has no team with ten runbooks');
  const project = join(temporary, 'generated-team');
  mkdirSync(join(project, 'runbooks'), { recursive: true });
  const files = readdirSync(join(corpus, team)).filter((file) => file.endsWith('.md')).sort().slice(0, 10);
  for (const file of files) copyFileSync(join(corpus, team, file), join(project, 'runbooks', file));
  const owner = /^owner: (.+)$/m.exec(readFileSync(join(project, 'runbooks', files[0] ?? ''), 'utf8'))?.[1] ?? team;
  writeFileSync(
    join(project, 'runbook.config.yaml'),
    [
      'root: runbooks',
      'teams:',
      `  ${owner}:`,
      `    name: ${team}`,
      `    chat: "#${team}-oncall"`,
      '    escalation:',
      `      - {name: ${team} on-call (primary), via: pager, target: ${team}-primary}`,
      `      - {name: ${team} on-call (secondary), via: pager, target: ${team}-secondary}`,
      '      - {name: Incident commander on duty, via: pager, target: incident-commander}',
      'severities:',
      ...['SEV1', 'SEV2', 'SEV3', 'SEV4'].map((id) => `  - {id: ${id}, review_every: 6 months}`),
      '',
    ].join('\n'),
  );
  return project;
}

describe.skipIf(chromium === undefined)('printed cheat sheet (Chromium)', () => {
  const executable = chromium ?? '';

  test('a team of ten runbooks fits on two pages, A4 and Letter', async () => {
    const sheet = await sheetOf(TEAM_OF_TEN, 'search');
    expect(sheet.runbooks).toHaveLength(10);
    const pages = await printedPages(executable, sheet);
    for (const paper of PAPERS) {
      expect(pages[paper]).toBeGreaterThanOrEqual(1);
      expect(pages[paper]).toBeLessThanOrEqual(MAX_PAGES);
    }
  });

  test.runIf(sharedAvailable())('ten generated runbooks with long multi-line commands fit on two pages, A4 and Letter', async () => {
    const [sheet] = await sheetsOf(generatedTeam());
    if (sheet === undefined) throw new Error('no sheet for the generated team');
    expect(sheet.runbooks).toHaveLength(10);
    const pages = await printedPages(executable, sheet);
    for (const paper of PAPERS) expect(pages[paper]).toBeLessThanOrEqual(MAX_PAGES);
  });

  test('a team with a critical runbook of forty steps shows what fits and still prints on two pages, A4 and Letter', async () => {
    const sheet = await sheetOf(teamWithLongRunbook(join(temporary, 'long'), 40), 'search');
    const long = sheet.runbooks.find((runbook) => runbook.id === 'everything-down');
    expect(long?.moreSteps).toBeGreaterThan(0);
    const pages = await printedPages(executable, sheet);
    for (const paper of PAPERS) expect(pages[paper]).toBeLessThanOrEqual(MAX_PAGES);
  });

  test('`runbook cheatsheet --format pdf` writes one PDF per team', async () => {
    const out = join(temporary, 'pdf');
    const result = await runCli(['cheatsheet', '--format', 'pdf', '--paper', 'Letter', '--no-git', '--out', out], TEAM_OF_TEN, { CHROMIUM_PATH: executable });
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(readdirSync(out)).toEqual(['search.pdf']);
    const pdf = readFileSync(join(out, 'search.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBeLessThanOrEqual(MAX_PAGES);
  });
});
