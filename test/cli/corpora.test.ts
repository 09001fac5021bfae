import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { SHARED, sharedAvailable } from '../shared.js';

interface JsonDiagnostic {
  readonly file: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly ruleId: string;
}
interface JsonReport {
  readonly summary: { readonly files: number; readonly errors: number };
  readonly files: readonly { readonly file: string; readonly diagnostics: readonly JsonDiagnostic[] }[];
}

const available = sharedAvailable();
const corpora = available ? readdirSync(join(SHARED, 'corpora')).filter((name) => !name.startsWith('.')).sort() : [];

describe.skipIf(!available)('the real corpora in ../shared/corpora', () => {
  it.each(corpora)('%s: every file is read, check exits 1 (not 2), and every diagnostic points at a real line', async (name) => {
    const folder = join(SHARED, 'corpora', name);
    const result = await runCli(['check', '.', '--format', 'json', '--today', '2026-11-27'], folder);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.summary.files).toBeGreaterThan(0);
    expect(report.summary.errors).toBeGreaterThan(0);
    const internal = report.files.flatMap((file) => file.diagnostics).filter((diagnostic) => diagnostic.ruleId === 'internal-error');
    expect(internal).toEqual([]);
    for (const file of report.files) {
      const lines = readFileSync(resolve(folder, file.file), 'utf8').split(/\r\n|\r|\n/);
      for (const diagnostic of file.diagnostics) {
        const where = `${file.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.ruleId}`;
        expect(diagnostic.line, where).toBeGreaterThanOrEqual(1);
        expect(diagnostic.line, where).toBeLessThanOrEqual(Math.max(lines.length, 1));
        expect(diagnostic.column, where).toBeGreaterThanOrEqual(1);
        expect(diagnostic.column, where).toBeLessThanOrEqual((lines[diagnostic.line - 1] ?? '').length + 1);
      }
    }
  });
});

describe.skipIf(!available)('the GOV.UK developer docs adopted by mapping alone', () => {
  it('reads owner_slack as the owner, accepts its own keys, and reads .md.erb files too', async () => {
    // A copy beside the config: a config may only name paths inside its repository (its folder here).
    const beside = mkdtempSync(join(tmpdir(), 'runbook-govuk-'));
    const folder = join(beside, 'govuk');
    cpSync(join(SHARED, 'corpora', 'alphagov__govuk-developer-docs'), folder, { recursive: true });
    const config = join(beside, 'runbook.config.yaml');
    writeFileSync(
      config,
      [
        'root: govuk',
        'include: ["source/manual/**/*.md", "source/manual/**/*.md.erb"]',
        'fields: {owner: owner_slack, last_tested: last_reviewed_on, review_every: review_in}',
        'extra_keys: [layout, parent, section, subsection, type, related_repos, important, description, old_paths]',
        'defaults: {service: govuk, severity: medium}',
      ].join('\n'),
    );
    const result = await runCli(['check', '--config', config, '--format', 'json', '--today', '2026-11-27', '--no-git'], folder);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.summary.files).toBe(212);
    const diagnostics = report.files.flatMap((file) => file.diagnostics);
    const rules = new Set(diagnostics.map((diagnostic) => diagnostic.ruleId));
    expect(rules.has('unknown-key')).toBe(false);
    const required = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'required-field') ;
    // Every page has an owner (owner_slack) and a title; only the test date is missing, named as the collection names it.
    expect(required.length).toBeGreaterThan(0);
    expect(required.every((diagnostic) => diagnostic.message === 'Missing required field `last_reviewed_on`')).toBe(true);
    // The one page with a duplicated YAML key (an .md.erb file) is reported, located.
    const duplicate = diagnostics.find((diagnostic) => diagnostic.ruleId === 'duplicate-key');
    expect(duplicate?.file).toBe('source/manual/alerts/whitehall-scheduled-publishing.html.md.erb');
  });
});
