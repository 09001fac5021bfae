/**
 * Terminal escape injection: a repository (a pull request, a cloned collection) puts ESC, OSC 52
 * clipboard writes, OSC 8 fake links, C1 controls or bidi overrides into every field it controls
 * (title, owner, service, alerts, steps, commands, link names, file names, team names, chat,
 * escalation contacts, rule file and alert names, config keys). No terminal or CI-log output may
 * pass them through: `check` (pretty, concise, github), `cheatsheet` (txt, md), `show`, `coverage`
 * and the config errors the top-level printer writes. The machine formats (json, sarif, gitlab,
 * junit, `show --json`) are covered by machine-format-escapes.test.ts; the hostile text and its seed
 * are in hostile-text.ts.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/registry.js';
import { renderSheetMarkdown } from '../../src/cheatsheet/markdown.js';
import { cheatSheets } from '../../src/cheatsheet/sheet.js';
import { renderSheetText } from '../../src/cheatsheet/text.js';
import { computeCoverage } from '../../src/check/coverage/coverage.js';
import { runAlertChecks } from '../../src/check/run.js';
import { parseRuleFile } from '../../src/check/coverage/rule-file.js';
import { coverageText } from '../../src/report/coverage-summary.js';
import { cardText } from '../../src/oncall/card-text.js';
import { cardOf } from '../../src/oncall/card.js';
import { parseRunbook } from '../../src/parse/runbook.js';
import { palette } from '../../src/report/ansi.js';
import { concise } from '../../src/report/concise.js';
import { github } from '../../src/report/github.js';
import { pretty } from '../../src/report/pretty.js';
import type { CheckReport } from '../../src/report/report.js';
import { collectionView } from '../../src/view/collection-view.js';
import { runCli } from '../cli/run-cli.js';
import { TODAY } from '../helpers.js';
import { MARKER, MARKER_SHOWN, RUNS, SEED, TIMEOUT, assertProperty, checkedHostile, configOf, fields, hostile, leaks, q, runbookText } from './hostile-text.js';

/** The palette's own colour codes, which are the only escapes `--color` output may hold. */
const OWN_STYLES = new RegExp(`${String.fromCharCode(0x1b)}\\[(?:1|2|4|22|24|31|32|33|36|39)m`, 'g');

function expectPrintable(outputs: Readonly<Record<string, string>>): void {
  for (const [name, text] of Object.entries(outputs)) expect(leaks(text), name).toBeUndefined();
}

/** Every report format bound for a terminal or a CI log, with colour and without. */
function reports(report: CheckReport): Record<string, string> {
  const colored = pretty(report, { color: true });
  const plain = pretty(report, { color: false });
  expect(colored.replace(OWN_STYLES, '')).toBe(plain);
  return { pretty: plain, concise: concise(report, { color: false }), github: github(report, { color: false }) };
}

describe(`terminal escape injection (seed ${SEED}, ${RUNS} runs each)`, () => {
  it(
    'reaches no check report, cheat sheet (txt, md) or show card from any runbook, file name or team field',
    async () => {
      await assertProperty(fields, (f) => {
        const { config, file, loaded, diagnostics } = checkedHostile(f);
        const outputs = reports({ tool: { name: 'runbook', version: '0' }, files: [file], diagnostics, rules: RULES });
        expect(outputs.github?.split('\n').filter((line) => line !== '').every((line) => /^::(?:error|warning|notice) file=/.test(line))).toBe(true);
        expect(outputs.github?.split('\n')).toHaveLength(diagnostics.length + 1);
        expect(loaded.kind).toBe('runbook');
        if (loaded.kind !== 'runbook') return;
        const view = collectionView([loaded.runbook], diagnostics, config, TODAY, { kind: 'none' });
        const sheets = cheatSheets(view, { kind: 'every-team' }, { today: TODAY, commit: { kind: 'unknown' } });
        expect(sheets.kind).toBe('sheets');
        if (sheets.kind !== 'sheets') return;
        for (const sheet of sheets.sheets) {
          outputs[`txt ${sheet.slug}`] = renderSheetText(sheet);
          outputs[`md ${sheet.slug}`] = renderSheetMarkdown(sheet);
        }
        const [shown] = view.runbooks;
        if (shown === undefined) return;
        const card = cardOf(shown);
        outputs.show = cardText(card, palette(false));
        expect(cardText(card, palette(true)).replace(OWN_STYLES, '')).toBe(outputs.show);
        expectPrintable(outputs);
        for (const [name, text] of Object.entries(outputs)) expect(text, name).toContain(MARKER_SHOWN);
      });
    },
    TIMEOUT,
  );

  it(
    'reaches no coverage report or summary from rule file names, alert names or file contents',
    async () => {
      await assertProperty(fc.tuple(fields, hostile), ([f, content]): void => {
        const config = configOf(f);
        const rules = parseRuleFile(`groups:\n  - name: x\n    rules:\n      - alert: ${q(f.alert)}\n        annotations: {runbook_url: ${q(f.link)}}\n`, f.file);
        const notRules = parseRuleFile(content, `${f.file}.yaml`);
        const file = `runbooks/${f.file}.md`;
        const loaded = parseRunbook({ id: 'x', file, path: `/collection/${file}`, bytes: new TextEncoder().encode(runbookText({ ...f, alert: f.title })) }, config);
        const runbooks = loaded.kind === 'runbook' ? [loaded.runbook] : [];
        const alerts = { ruleFiles: [rules, notRules], unmatched: [{ glob: f.command, file: f.chat }], complete: true };
        const coverage = computeCoverage(alerts.ruleFiles, runbooks);
        const diagnostics = runAlertChecks(runbooks, alerts, { config, today: TODAY, git: { kind: 'none' }, existingFiles: new Set(), rootLabel: 'runbooks' });
        const outputs = { ...reports({ tool: { name: 'runbook', version: '0' }, files: [rules.file, notRules.file], diagnostics, rules: RULES }), summary: coverageText(coverage) };
        expectPrintable(outputs);
        for (const [name, text] of Object.entries(outputs)) expect(text, name).toContain(MARKER_SHOWN);
      });
    },
    TIMEOUT,
  );

  it(
    'reaches no config error, from the config file name, its keys or its values, as the CLI prints it',
    async () => {
      const folder = mkdtempSync(join(tmpdir(), 'runbook-terminal-escapes-'));
      await assertProperty(fc.tuple(hostile, hostile, hostile), async ([name, key, value]) => {
        const configFile = `${name.replace(/[/\0]/g, '_').slice(0, 100)}.yaml`;
        writeFileSync(join(folder, configFile), `${q(key)}: 1\nteams:\n  ${q(key)}: {chat: ${q(value)}, ${q(value)}: 2}\nseverities: [{id: ${q(value)}, review_every: ${q(value)}}]\n`);
        const result = await runCli(['check', '--config', configFile, '--no-git', '--no-cache'], folder);
        expect(result.code).toBe(2);
        expectPrintable({ stdout: result.stdout, stderr: result.stderr });
        expect(result.stderr).toContain(MARKER_SHOWN);
        expect(result.stderr).toContain('unknown key');
      });
    },
    TIMEOUT,
  );
});

describe('terminal escape injection, examples', () => {
  it('an OSC 52 clipboard write in an unknown config key is shown, not run, and the error keeps its lines', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'runbook-terminal-escapes-'));
    writeFileSync(join(folder, 'runbook.config.yaml'), `${q(`${MARKER}\n  fake: line`)}: 1\nroot_: x\n`);
    const result = await runCli(['check', '--no-git', '--no-cache'], folder);
    expect(result.stderr).toBe(
      `runbook: invalid configuration:\n  runbook.config.yaml:1:1: unknown key \`${MARKER_SHOWN}\\n  fake: line\`\n  runbook.config.yaml:2:1: unknown key \`root_\`; did you mean \`root\`?\n`,
    );
  });

  it('a config `root` with an escape sequence, quoted by the top-level error printer, is shown, not run', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'runbook-terminal-escapes-'));
    writeFileSync(join(folder, 'runbook.config.yaml'), `root: ${q(`${MARKER}\u001b[2J`)}\n`);
    const result = await runCli(['check', '--no-git', '--no-cache'], folder);
    expect(result.code).toBe(2);
    expect(leaks(result.stderr)).toBeUndefined();
    expect(result.stderr).toMatch(/^runbook: the runbooks folder \\u001b\]52;.* \(the config's `root`\) does not exist: caused by: ENOENT: .*\\u001b\[2J'\n$/);
  });

  it('a team name with a line break cannot fake a line of its own in a usage error', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'runbook-terminal-escapes-'));
    mkdirSync(join(folder, 'runbooks'));
    writeFileSync(join(folder, 'runbook.config.yaml'), 'root: runbooks\n');
    writeFileSync(join(folder, 'runbooks', 'a.md'), `---\ntitle: A\nowner: ${q('ops\nrunbook: all clear\u001b[8m')}\n---\n`);
    const result = await runCli(['cheatsheet', '--team', 'nope', '--format', 'txt', '--no-git'], folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('runbook: no runbooks of team `nope`: expected one of `ops\\nrunbook: all clear\\u001b[8m`\n');
  });

  it('an alert name with a fake OSC 8 link is shown in a GitHub annotation, on one line, with `::` harmless', () => {
    const report: CheckReport = {
      tool: { name: 'runbook', version: '0' },
      files: ['a.yaml'],
      rules: RULES,
      diagnostics: [
        {
          file: 'a\u001b[8m.yaml',
          span: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } },
          ruleId: 'alert-without-runbook',
          code: 'alert-without-runbook',
          params: {},
          subject: 'x',
          severity: 'error',
          message: 'Alert `\u001b]8;;https://evil.example/\u0007x\u001b]8;;\u0007` %0A\n::add-mask::secret\r::set-env name=A::b',
        },
      ],
    };
    expect(github(report, { color: false })).toBe(
      '::error file=a\\u001b[8m.yaml,line=1,col=1,endLine=1,endColumn=2,title=alert-without-runbook::' +
        'Alert `\\u001b]8;;https://evil.example/\\u0007x\\u001b]8;;\\u0007` %250A%0A::add-mask::secret\\r::set-env name=A::b\n',
    );
  });
});
