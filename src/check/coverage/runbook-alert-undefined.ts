import { fileNameAlert } from '../../parse/alert-claims.js';
import { plural } from '../../text/plural.js';
import { finder, type MessageFormats, type Rule } from '../rule.js';
import { RULE_FILE } from './example-rule-file.js';
import { claimsByAlert } from './claims.js';

const messages = {
  'runbook-alert-undefined': (p: { readonly alert: string; readonly ruleFiles: number }) =>
    `Alert \`${p.alert}\` is not defined by any alert rule (${plural(p.ruleFiles, 'rule file')} read)`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/**
 * runbook-alert-undefined: a runbook answering an alert that no rule file defines; the note says
 * when the alert comes from the file name, or when some rule files could not be read completely.
 */
export const runbookAlertUndefined: Rule = {
  id: 'runbook-alert-undefined',
  scope: 'alerts',
  category: 'alerts',
  defaultSeverity: 'warning',
  summary: 'A runbook answers an alert that no alert rule defines.',
  why: 'Usually a renamed or deleted alert (or a typo): the runbook is no longer reached from any page.',
  fix: 'Rename the alert to the name the rule uses, or remove it from `alerts:` if the alert is gone.',
  examples: {
    ok: { 'disk.md': '---\nalerts: [DiskFull]\n---\n', 'alerts.yml': RULE_FILE },
    notOk: { 'disk.md': '---\nalerts: [DiskFull, DiskAlmostFull]\n---\n', 'alerts.yml': RULE_FILE },
    reported: [{ at: 'disk.md:2:20' }],
  },
  messages,
  check(runbooks, alerts, context) {
    const defined = new Set(alerts.ruleFiles.flatMap((ruleFile) => ruleFile.alerts.map((alert) => alert.name)));
    const unreadable = alerts.ruleFiles.some((ruleFile) => ruleFile.problems.length > 0);
    return [...claimsByAlert(runbooks)]
      .filter(([name]) => !defined.has(name))
      .flatMap(([name, group]) =>
        group.map(({ runbook, alert }) => {
          const byFileName =
            context.config.alerts.fromFileName && alert.span.start.line === 1 && alert.span.start.column === 1 && fileNameAlert(runbook.id) === name;
          const notes = [
            ...(byFileName ? ['The file is named after the alert (`alerts.from_file_name`).'] : []),
            ...(unreadable ? ['Some alert rule files could not be read completely.'] : []),
          ];
          return finding(
            'runbook-alert-undefined',
            { alert: name, ruleFiles: alerts.ruleFiles.length },
            { file: runbook.file, span: alert.span, subject: name, actual: name, ...(notes.length > 0 ? { note: notes.join(' ') } : {}) },
          );
        }),
      );
  },
};
