import { RULES } from '../../src/check/registry.js';
import type { Finding, RuleContext } from '../../src/check/rule.js';
import type { CalendarDate } from '../../src/model/calendar-date.js';
import { defaultConfig } from '../../src/parse/config.js';
import { runbookOf, TODAY } from '../helpers.js';

/** What one rule finds in Markdown text (as `example.md`, without git, with the default config) on `today`. */
export function findingsOf(ruleId: string, text: string, today: CalendarDate = TODAY): readonly Finding[] {
  const context: RuleContext = { config: defaultConfig('/runbooks'), today, git: { kind: 'none' }, existingFiles: new Set(), rootLabel: 'runbooks' };
  const rule = RULES.find((candidate) => candidate.id === ruleId);
  if (rule === undefined) throw new Error(`no rule ${ruleId}`);
  const runbook = runbookOf(text);
  if (rule.scope === 'runbook') return rule.check(runbook, context);
  if (rule.scope === 'collection') return rule.check([runbook], context);
  throw new Error(`rule ${ruleId} has no check function`);
}
