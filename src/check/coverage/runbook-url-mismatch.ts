import { finder, type Finding, type MessageFormats, type Rule } from '../rule.js';
import { RULE_FILE } from './example-rule-file.js';
import { claimsByAlert, urlsOfClaims } from './claims.js';
import { leadsTo } from './url-pattern.js';
import { expandUrlTemplate } from './url-template.js';

const messages = {
  'runbook-url-mismatch': (p: { readonly alert: string; readonly runbooks: string; readonly expected: string; readonly found: string }) =>
    `\`runbook_url\` of alert \`${p.alert}\` does not lead to its runbook ${p.runbooks}: expected \`${p.expected}\`, found \`${p.found}\``,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/**
 * runbook-url-mismatch: a `runbook_url` that does not lead to the runbook answering the alert under
 * `alerts.url`. Any of the runbooks claiming the alert will do; parts known only when the alert
 * fires (`{{ $labels.namespace }}`) may stand for any text. Without `alerts.url` nothing is checked.
 */
export const runbookUrlMismatch: Rule = {
  id: 'runbook-url-mismatch',
  scope: 'alerts',
  category: 'alerts',
  defaultSeverity: 'error',
  summary: 'An alert rule\'s `runbook_url` does not lead to the runbook that answers the alert (under `alerts.url`).',
  why: 'A link to the wrong page, or to no page, is worse than no link in the middle of an incident.',
  fix: 'Set `runbook_url` to the expected URL shown, or move the alert to the runbook the URL leads to.',
  examples: {
    ok: {
      'runbook.config.yaml': 'alerts:\n  url: https://runbooks.example.com/{id}/\n',
      'disk.md': '---\nalerts: [DiskFull]\n---\n',
      'alerts.yml': RULE_FILE,
    },
    notOk: {
      'runbook.config.yaml': 'alerts:\n  url: https://runbooks.example.com/{id}/\n',
      'volumes.md': '---\nalerts: [DiskFull]\n---\n',
      'alerts.yml': RULE_FILE,
    },
    reported: [{ at: 'alerts.yml:7:24' }],
  },
  messages,
  check(runbooks, alerts, context) {
    const pattern = context.config.alerts.url;
    if (pattern === undefined) return [];
    const claims = claimsByAlert(runbooks);
    const urls = urlsOfClaims(pattern, claims, runbooks, context.allIds);
    return alerts.ruleFiles.flatMap((ruleFile) =>
      ruleFile.alerts.flatMap((alert): Finding[] => {
        const answering = claims.get(alert.name) ?? [];
        const [first] = answering;
        if (alert.runbookUrl.kind === 'none' || first === undefined) return [];
        const parts = expandUrlTemplate(alert.runbookUrl.value, alert.name);
        if (answering.some((claim) => leadsTo(parts, urls(alert.name, claim.runbook.id)))) return [];
        const expected = urls(alert.name, first.runbook.id)[0] ?? '';
        const found = alert.runbookUrl.value;
        const shown = answering.map((claim) => `\`${claim.runbook.id}\``).join(', ');
        return [
          finding('runbook-url-mismatch', { alert: alert.name, runbooks: shown, expected, found }, {
            file: alert.file,
            span: alert.runbookUrl.span,
            subject: alert.name,
            expected,
            actual: found,
            note: `The URL comes from \`alerts.url\` (\`${pattern}\`); the alert name and runbook id may also be lowercased.`,
          }),
        ];
      }),
    );
  },
};
