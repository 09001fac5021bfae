import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/registry.js';
import type { RuleContext } from '../../src/check/rule.js';
import { defaultConfig } from '../../src/parse/config.js';
import { runbookOf, TODAY } from '../helpers.js';

const context: RuleContext = {
  config: defaultConfig('/runbooks'),
  today: TODAY,
  git: { kind: 'none' },
  existingFiles: new Set(),
  rootLabel: 'runbooks',
};

function findingsOf(ruleId: string, text: string) {
  const rule = RULES.find((candidate) => candidate.id === ruleId);
  if (rule === undefined) throw new Error(`no rule ${ruleId}`);
  const runbook = runbookOf(text);
  if (rule.scope === 'runbook') return rule.check(runbook, context);
  if (rule.scope === 'collection') return rule.check([runbook], context);
  throw new Error(`rule ${ruleId} has no check function`);
}

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
