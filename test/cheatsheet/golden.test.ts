import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { TEXT_RENDERERS, type TextFormat } from '../../src/cheatsheet/formats.js';
import { compileSheetHtml, sheetTemplatesOf } from '../../src/cheatsheet/html.js';
import type { CheatSheet } from '../../src/cheatsheet/sheet.js';
import { loadTemplates } from '../../src/io/templates.js';
import { PROJECT_ROOT } from '../shared.js';
import { DRILLED, sheetsOf } from './sheets.js';

/**
 * The md and txt sheets of the example teams (the project's own runbooks and config, on the tests'
 * date, with a fixed commit), compared with reviewed files. `UPDATE_GOLDEN=1` rewrites them: read the
 * diff before committing it.
 */
const GOLDEN = join(PROJECT_ROOT, 'test', 'cheatsheet', 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

const sheets = await sheetsOf(PROJECT_ROOT);

/** Compares `actual` with the reviewed file `name`, or writes it with UPDATE_GOLDEN=1 (or when missing, failing). */
function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (update || !existsSync(path)) {
    writeFileSync(path, actual);
    if (!update) throw new Error(`wrote the missing golden file ${path}: review it, then run the tests again`);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('golden cheat sheets of the example teams', () => {
  test('there is one sheet per example team', () => {
    expect(sheets.map((sheet) => sheet.slug)).toEqual(['data', 'payments', 'platform']);
  });

  for (const sheet of sheets) {
    for (const format of ['md', 'txt'] as const satisfies readonly TextFormat[]) {
      test(`${sheet.slug}.${format} matches the reviewed file`, () => {
        expectGolden(`${sheet.slug}.${format}`, TEXT_RENDERERS[format](sheet));
      });
    }
  }
});

/**
 * Recovery as written (test/fixtures/cheatsheet/as-written): a step written in the body with text,
 * command and `Expect` (inline code, bold, emphasis and links kept, in that order), a recovery
 * written as prose, and a hostile step; in every text format and the standalone HTML.
 */
describe('golden cheat sheet of recovery as written', () => {
  const html = compileSheetHtml(sheetTemplatesOf(loadTemplates(undefined)));
  // The HTML's runbooks only: the rest is the stylesheet and the header, tested elsewhere.
  const runbooksOf = (page: string): string => page.slice(page.indexOf('<main'), page.indexOf('</main>') + '</main>\n'.length);
  const renderers: Readonly<Record<'md' | 'txt' | 'html', (sheet: CheatSheet) => string>> = { ...TEXT_RENDERERS, html: (sheet) => runbooksOf(html(sheet, { kind: 'standalone' })) };
  const asWritten = sheetsOf(join(PROJECT_ROOT, 'test', 'fixtures', 'cheatsheet', 'as-written'));
  for (const format of ['md', 'txt', 'html'] as const) {
    test(`as-written.${format} matches the reviewed file`, async () => {
      const [sheet] = await asWritten;
      if (sheet === undefined) throw new Error('no sheet for the as-written fixture');
      expectGolden(`as-written.${format}`, renderers[format](sheet));
    });
  }
});

/**
 * A team with drill records (test/fixtures/cheatsheet/drilled): under each runbook that recovered in a
 * drill, its typical time to recover (the median of its last 3 recovered drills, or its one), in
 * every text format and the standalone HTML; nothing under the runbook whose only drill was aborted.
 */
describe('golden cheat sheet of a team with drills', () => {
  const html = compileSheetHtml(sheetTemplatesOf(loadTemplates(undefined)));
  const runbooksOf = (page: string): string => page.slice(page.indexOf('<main'), page.indexOf('</main>') + '</main>\n'.length);
  const renderers: Readonly<Record<'md' | 'txt' | 'html', (sheet: CheatSheet) => string>> = { ...TEXT_RENDERERS, html: (sheet) => runbooksOf(html(sheet, { kind: 'standalone' })) };
  const drilled = sheetsOf(DRILLED);
  for (const format of ['md', 'txt', 'html'] as const) {
    test(`drilled.${format} matches the reviewed file`, async () => {
      const [sheet] = await drilled;
      if (sheet === undefined) throw new Error('no sheet for the drilled fixture');
      expectGolden(`drilled.${format}`, renderers[format](sheet));
    });
  }
});
