import { finder, type MessageFormats, type Rule } from '../rule.js';
import { RULE_FILE } from './example-rule-file.js';
import { claimsByAlert } from './claims.js';

const messages = {
  'alert-without-runbook': (p: { readonly alert: string; readonly fromFileName: 'yes' | 'no' }) =>
    `Alert \`${p.alert}\` has no runbook: no runbook lists it under \`alerts\`${p.fromFileName === 'yes' ? ' or is named after it' : ''}`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/**
 * alert-without-runbook: an alert that no runbook answers. Not reported when only some runbooks
 * were read (`runbook check some/folder`): the runbook answering it may be elsewhere.
 */
export const alertWithoutRunbook: Rule = {
  id: 'alert-without-runbook',
  scope: 'alerts',
  category: 'alerts',
  defaultSeverity: 'error',
  summary: 'An alert rule defines an alert that no runbook answers.',
  why: 'The engineer paged by this alert has nothing written down to follow.',
  fix: 'Write a runbook and list the alert under its `alerts:`, or add it to the runbook that already answers it.',
  examples: {
    ok: { 'disk.md': '---\nalerts: [DiskFull]\n---\n', 'alerts.yml': RULE_FILE },
    notOk: { 'disk.md': '---\nalerts: [DiskAlmostFull]\n---\n', 'alerts.yml': RULE_FILE },
    reported: [{ at: 'alerts.yml:4:16' }],
  },
  messages,
  check(runbooks, alerts, context) {
    if (!alerts.complete) return [];
    const claims = claimsByAlert(runbooks);
    const fromFileName = context.config.alerts.fromFileName ? 'yes' : 'no';
    return alerts.ruleFiles.flatMap((ruleFile) =>
      ruleFile.alerts
        .filter((alert) => !claims.has(alert.name))
        .map((alert) => finding('alert-without-runbook', { alert: alert.name, fromFileName }, { file: alert.file, span: alert.span, subject: alert.name, actual: alert.name })),
    );
  },
};
