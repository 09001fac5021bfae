import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { SHARED, sharedAvailable } from '../shared.js';

interface JsonDiagnostic {
  readonly file: string;
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
