/**
 * Terminal escape injection through the machine formats: `JSON.stringify` escapes C0 controls but
 * leaves DEL, the C1 controls (CSI U+009B, OSC U+009D, ST U+009C) and the bidi marks raw, and XML
 * allows them, so `check --format json|sarif|gitlab|junit`, `coverage --format json` and
 * `show --json`, printed to a terminal or a CI log, carried them from a repository's files. They are
 * now escapes (`\u009b` in JSON, `&#x9B;` in XML); the JSON still parses to the original strings.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/registry.js';
import { gitlab } from '../../src/report/gitlab.js';
import { json, type JsonReport } from '../../src/report/json.js';
import { jsonText } from '../../src/report/json-text.js';
import { junit } from '../../src/report/junit.js';
import { sarif } from '../../src/report/sarif.js';
import { runCli } from '../cli/run-cli.js';
import { MARKER, MARKER_SHOWN, RUNS, SEED, TIMEOUT, assertProperty, checkedHostile, configText, fields, hostile, leaks, q, runbookText } from './hostile-text.js';

function expectPrintable(outputs: Readonly<Record<string, string>>): void {
  for (const [name, text] of Object.entries(outputs)) expect(leaks(text), name).toBeUndefined();
}

/** The JSON text with every string value as it was: parsed, and written again with nothing escaped beyond `JSON.stringify`. */
function reparsed(text: string): string {
  return JSON.stringify(JSON.parse(text));
}

/** A string in the form `JSON.stringify` writes it inside a document (C1 and bidi raw). */
const inJson = (value: string): string => JSON.stringify(value).slice(1, -1);

const folder = mkdtempSync(join(tmpdir(), 'runbook-machine-escapes-'));
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe(`terminal escape injection through the machine formats (seed ${SEED}, ${RUNS} runs each)`, () => {
  it(
    'no raw C0, DEL, C1 or bidi character reaches json, sarif, gitlab or junit from any field, and the JSON parses to the original strings',
    async () => {
      await assertProperty(fields, (f) => {
        const { file, diagnostics } = checkedHostile(f);
        const report = { tool: { name: 'runbook', version: '0' }, files: [file], diagnostics, rules: RULES };
        const outputs = { json: json(report, { color: false }), sarif: sarif(report, { color: false }), gitlab: gitlab(report, { color: false }), junit: junit(report, { color: false }) };
        expectPrintable(outputs);
        const document = JSON.parse(outputs.json) as JsonReport;
        const planted = document.files.flatMap((group) => group.diagnostics).find((diagnostic) => diagnostic.message === f.title && diagnostic.ruleId === f.alert);
        expect(planted).toMatchObject({ file, ruleId: f.alert, message: f.title, expected: f.owner, actual: f.command, note: f.step });
        for (const name of ['sarif', 'gitlab'] as const) {
          expect(reparsed(outputs[name]), name).toContain(inJson(f.title));
          expect(outputs[name], name).toContain(MARKER_SHOWN);
        }
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- see test/report/junit.test.ts
        expect(XMLValidator.validate(outputs.junit)).toBe(true);
      });
    },
    TIMEOUT,
  );

  it(
    'no raw C0, DEL, C1 or bidi character reaches the stdout of check, coverage or show --json run on a hostile repository',
    async () => {
      let run = 0;
      await assertProperty(fc.tuple(fields, hostile), async ([f, ruleAlert]) => {
        const project = join(folder, String(run++));
        mkdirSync(join(project, 'runbooks'), { recursive: true });
        writeFileSync(join(project, 'runbook.config.yaml'), `${configText(f)}\nalerts:\n  rules: [rules.yaml]\n`);
        writeFileSync(join(project, 'rules.yaml'), `groups:\n  - name: x\n    rules:\n      - alert: ${q(ruleAlert)}\n        annotations: {runbook_url: ${q(f.link)}}\n`);
        writeFileSync(join(project, 'runbooks', `${f.file.replace(/[/\0]/g, '_').slice(0, 100)}.md`), runbookText({ ...f, alert: 'DiskFull' }));
        const outputs: Record<string, string> = {};
        for (const format of ['json', 'sarif', 'gitlab', 'junit']) {
          const result = await runCli(['check', '--format', format, '--no-git', '--no-cache'], project);
          expect(result.code, `${format}: ${result.stderr}`).not.toBe(2);
          outputs[`check ${format}`] = result.stdout;
        }
        const coverage = await runCli(['coverage', '--format', 'json', '--no-cache'], project);
        expect(coverage.code, coverage.stderr).not.toBe(2);
        outputs.coverage = coverage.stdout;
        outputs['coverage stderr'] = coverage.stderr;
        const show = await runCli(['show', 'DiskFull', '--json'], project);
        expect(show.code, show.stderr).toBe(0);
        outputs.show = show.stdout;
        expectPrintable(outputs);
        for (const name of ['check json', 'check sarif', 'check gitlab', 'coverage', 'show']) expect(() => reparsed(outputs[name] ?? ''), name).not.toThrow();
        // The parser trims titles and names, so only the marker is compared here; the test above compares whole strings.
        expect(reparsed(outputs.show)).toContain(inJson(MARKER));
        expect(reparsed(outputs.coverage)).toContain(inJson(MARKER));
        expect(outputs.show).toContain(MARKER_SHOWN);
      });
    },
    TIMEOUT * 3,
  );
});

describe('terminal escape injection through the machine formats, examples', () => {
  it('a CSI (U+009B), an OSC (U+009D … U+009C) and a right-to-left override are `\\u` escapes in JSON, which parse back to them', () => {
    const title = `${MARKER}\u009b2J\u009d52;c;eA==\u009c\u202eevil\u2066x\u2069\u007f`;
    const text = jsonText({ title });
    expect(text).toBe('{\n  "title": "\\u001b]52;c;ZWNobyBwd25lZAo=\\u0007\\u009b2J\\u009d52;c;eA==\\u009c\\u202eevil\\u2066x\\u2069\\u007f"\n}\n');
    expect(JSON.parse(text)).toEqual({ title });
  });

  it('a CSI (U+009B) and a bidi override in a JUnit message are character references', () => {
    const report = {
      tool: { name: 'runbook', version: '0' },
      files: ['a.md'],
      diagnostics: [{ file: 'a.md', span: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } }, ruleId: 'x', code: 'x', params: {}, subject: '', severity: 'error' as const, message: '\u009b2J\u202e\u007f' }],
      rules: RULES,
    };
    const xml = junit(report, { color: false });
    expect(xml).toContain('&#x9B;2J&#x202E;&#x7F;');
    expect(leaks(xml)).toBeUndefined();
  });
});
