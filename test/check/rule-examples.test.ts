import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/registry.js';
import { findingsOf } from './rule-findings.js';

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
});

describe.each(RULES.filter((rule) => rule.examples !== undefined).map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
  it('passes its ok example', () => {
    expect(findingsOf(id, rule.examples?.ok ?? '')).toEqual([]);
  });
  it('reports its not-ok example', () => {
    expect(findingsOf(id, rule.examples?.notOk ?? '').length).toBeGreaterThan(0);
  });
});
