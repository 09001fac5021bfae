import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/registry.js';
import type { ExamplesElsewhere, Rule, RuleExamples } from '../../src/check/rule.js';
import { PROJECT_ROOT } from '../shared.js';
import { exampleFindings } from './rule-findings.js';

describe('every rule documents itself', () => {
  it('has a unique id, a summary, why it exists and how to fix it', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.id, rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.summary.length, rule.id).toBeGreaterThan(10);
      expect(rule.why.length, rule.id).toBeGreaterThan(10);
      expect(rule.fix.length, rule.id).toBeGreaterThan(10);
    }
  });

  it('has examples of its own, unless its input is no runbook text (a crash, bytes, git facts, globs over the disk)', () => {
    const elsewhere = RULES.filter((rule) => 'testedIn' in rule.examples).map((rule) => rule.id);
    expect(elsewhere).toEqual(['unreadable-file', 'internal-error', 'edited-after-test', 'shallow-clone', 'alert-rules-not-found']);
  });
});

const inline = RULES.flatMap((rule): [string, RuleExamples][] => ('testedIn' in rule.examples ? [] : [[rule.id, rule.examples]]));

describe.each(inline)('rule %s', (id, examples) => {
  it('passes its ok example', () => {
    expect(exampleFindings(id, examples.ok)).toEqual([]);
  });

  it('reports its not-ok example exactly where and as it says', () => {
    const expected = examples.reported.map((finding) => ({ at: finding.at, code: finding.code ?? id }));
    expect(exampleFindings(id, examples.notOk)).toEqual(expected);
  });
});

const elsewhere = RULES.flatMap((rule: Rule): [string, ExamplesElsewhere][] => ('testedIn' in rule.examples ? [[rule.id, rule.examples]] : []));

describe.each(elsewhere)('rule %s, whose examples are in a test', (id, examples) => {
  it('names a test file that tests it', () => {
    const path = join(PROJECT_ROOT, examples.testedIn);
    expect(existsSync(path), examples.testedIn).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain(`'${id}'`);
  });
});
