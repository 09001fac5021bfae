/**
 * Rules that compare names case ignored do it as a file system that ignores case does (`caseFold`),
 * not with `toLowerCase`, which keeps `ΑΣ` (lowered `ας`, a final sigma) apart from `ασ`.
 */
import { describe, expect, it } from 'vitest';
import { exampleDiagnostics } from './rule-findings.js';

const linesOf = (ruleId: string, files: Readonly<Record<string, string>>) =>
  exampleDiagnostics(ruleId, files).map((diagnostic) => `${diagnostic.file}: ${diagnostic.message}`);

describe('case ignored as a file system ignoring it does', () => {
  it('duplicate-id: ΑΣ.md and ασ.md are one page on macOS and Windows', () => {
    expect(linesOf('duplicate-id', { 'ΑΣ.md': '# A\n', 'ασ.md': '# B\n', 'ſ.md': '# C\n', 's.md': '# D\n' })).toEqual([
      's.md: Duplicate id `ſ`: also used by `ſ.md`',
      'ſ.md: Duplicate id `ſ`: also used by `s.md`',
      'ΑΣ.md: Duplicate id `ας`: also used by `ασ.md`',
      'ασ.md: Duplicate id `ας`: also used by `ΑΣ.md`',
    ]);
  });

  it('alert-case-conflict: alerts ΑΣ and ασ share one folder there', () => {
    expect(exampleDiagnostics('alert-case-conflict', { 'a.md': '---\nalerts: [ΑΣ, ασ]\n---\n' }).map((diagnostic) => diagnostic.subject)).toEqual(['ΑΣ', 'ασ']);
  });
});
