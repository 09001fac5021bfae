import { describe, expect, test } from 'vitest';
import type { CheatSheet } from '../../src/cheatsheet/sheet.js';
import { commandLines, renderSheetText, TEXT_WIDTH } from '../../src/cheatsheet/text.js';
import { columns } from '../../src/text/wrap.js';
import { PROJECT_ROOT } from '../shared.js';
import { HOSTILE } from './hostile-sheet.js';
import { sheetOf, sheetsOf, TEAM_OF_TEN } from './sheets.js';

const sheets: readonly CheatSheet[] = [...(await sheetsOf(PROJECT_ROOT)), await sheetOf(TEAM_OF_TEN, 'search')];

/** The lines a sheet's commands are printed as, whatever their length. */
function commandLinesOf(sheet: CheatSheet): ReadonlySet<string> {
  return new Set(sheet.runbooks.flatMap((runbook) => runbook.steps.flatMap((step) => (step.run === undefined ? [] : commandLines(step.run, '       ')))));
}

describe('plain-text cheat sheet', () => {
  test.each(sheets.map((sheet) => [sheet.slug, sheet] as const))('%s: every line but the commands fits in 80 columns', (_, sheet) => {
    const commands = commandLinesOf(sheet);
    const long = renderSheetText(sheet)
      .split('\n')
      .filter((line) => columns(line) > TEXT_WIDTH);
    expect(long.filter((line) => !commands.has(line))).toEqual([]);
  });

  test('never wraps a command: every line of every command is printed whole', () => {
    const sheet = sheets.find((each) => each.slug === 'payments');
    if (sheet === undefined) throw new Error('no payments sheet');
    const text = renderSheetText(sheet);
    const commands = [...commandLinesOf(sheet)];
    expect(commands.some((line) => columns(line) > TEXT_WIDTH)).toBe(true);
    for (const line of commands) expect(text.split('\n')).toContain(line);
    expect(text).toContain('       $ for p in $(kubectl -n payments get pods -l app=payments-api -o name); do\n           kubectl -n payments exec "$p"');
  });

  test('shows every step of a runbook when the pages have room, each with what to expect after its command', async () => {
    const text = renderSheetText(await sheetOf(TEAM_OF_TEN, 'search'));
    const red = text.slice(text.indexOf('[CRITICAL] Search cluster status red'), text.indexOf('Full runbook: https://runbooks.example.com/runbooks/cluster-red/'));
    expect(red.match(/^ {2}\d\. /gm)).toEqual(['  1. ', '  2. ', '  3. ', '  4. ', '  5. ', '  6. ', '  7. ', '  8. ']);
    expect(red).not.toContain('more step');
    expect(red).toContain("       $ kubectl -n search scale deploy/search-indexer --replicas=0\n     Expect: deployment.apps/search-indexer scaled\n");
  });

  test('flags a stale runbook loudly, with its last-tested date', async () => {
    const text = renderSheetText(await sheetOf(TEAM_OF_TEN, 'search'));
    expect(text).toContain('[HIGH] Indexing lag growing\nAlerts: SearchIndexerLagHigh\nStatus: !! STALE (last tested 2026-04-02, due 2026-10-02): the steps may no\n        longer work\n');
    expect(text).toContain('Status: !! NEVER TESTED: the steps have never been exercised');
  });

  test('ends with the date and the commit it was made from', () => {
    for (const sheet of sheets) expect(renderSheetText(sheet).endsWith('\nGenerated 2026-11-27 from commit abc1234 by runbook cheatsheet.\n')).toBe(true);
  });
});

describe('plain-text cheat sheet of hostile steps', () => {
  test('writes inline code in backticks, drops links that are not http(s), and lets no escape sequence through', () => {
    const text = renderSheetText(HOSTILE);
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u0007');
    expect(text).not.toMatch(/<\s*java|java\tscript/);
    expect(text).toContain('  3. no command here click me ``<b>`\\u001b]52;c;SGFja2Vk\\u0007` bold\\u001b[2J\n');
    expect(text).toContain('     Expect: </p><img src=x onerror=alert(4)> \\u001b[31mred\n');
  });
});
