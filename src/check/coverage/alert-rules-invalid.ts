import { finder, type MessageFormats, type Rule } from '../rule.js';
import { RULE_FILE } from './example-rule-file.js';

const messages = {
  'alert-rules-invalid': (p: { readonly problem: string }) => p.problem,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/** alert-rules-invalid: a rule file that is not valid YAML, not Prometheus rules, or unreadable. */
export const alertRulesInvalid: Rule = {
  id: 'alert-rules-invalid',
  scope: 'alerts',
  category: 'alerts',
  defaultSeverity: 'error',
  summary: 'An alert rule file is not valid YAML, not shaped like Prometheus rules, or cannot be read.',
  why: 'Alerts in a file that cannot be read are alerts nobody checks; Prometheus would reject the file too.',
  fix: 'Fix the YAML at the reported line and column: `groups[].rules[]`, or `spec.groups` in a `PrometheusRule`.',
  examples: {
    ok: { 'alerts.yml': RULE_FILE },
    notOk: { 'alerts.yml': 'groups:\n  - name: disk\n    rules:\n      - alert: DiskFull\n        expr: "node_filesystem_avail_bytes == 0\n' },
    reported: [{ at: 'alerts.yml:5:15' }],
  },
  messages,
  check(_runbooks, alerts) {
    return alerts.ruleFiles.flatMap((ruleFile) =>
      ruleFile.problems.map((problem) => finding('alert-rules-invalid', { problem: problem.value }, { file: ruleFile.file, span: problem.span, subject: '' })),
    );
  },
};
