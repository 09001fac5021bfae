import { finder, type MessageFormats, type Rule } from '../rule.js';
import { RULE_FILE } from './example-rule-file.js';
import { claimsByAlert, urlsOfClaims } from './claims.js';

const messages = {
  'alert-without-runbook-url': (p: { readonly alert: string }) => `Alert \`${p.alert}\` has no \`runbook_url\` annotation`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/**
 * alert-without-runbook-url: an alert rule without a `runbook_url` annotation. With `alerts.url`
 * and a runbook answering the alert, the URL to add is shown as expected.
 */
export const alertWithoutRunbookUrl: Rule = {
  id: 'alert-without-runbook-url',
  scope: 'alerts',
  category: 'alerts',
  defaultSeverity: 'warning',
  summary: 'An alert rule has no `runbook_url` annotation.',
  why: 'Without the link the page arrives without the way to its runbook; the on-call engineer has to search.',
  fix: 'Add `annotations: {runbook_url: …}` with the URL `alerts.url` gives for the alert.',
  examples: {
    ok: { 'alerts.yml': RULE_FILE },
    notOk: { 'alerts.yml': 'groups:\n  - name: disk\n    rules:\n      - alert: DiskFull\n        expr: node_filesystem_avail_bytes == 0\n' },
    reported: [{ at: 'alerts.yml:4:16' }],
  },
  messages,
  check(runbooks, alerts, context) {
    const claims = claimsByAlert(runbooks);
    const pattern = context.config.alerts.url;
    const urls = pattern === undefined ? undefined : urlsOfClaims(pattern, claims, runbooks, context.allIds);
    return alerts.ruleFiles.flatMap((ruleFile) =>
      ruleFile.alerts
        .filter((alert) => alert.runbookUrl.kind === 'none')
        .map((alert) => {
          const [first] = claims.get(alert.name) ?? [];
          const expected = first === undefined ? undefined : urls?.(alert.name, first.runbook.id)[0];
          return finding('alert-without-runbook-url', { alert: alert.name }, { file: alert.file, span: alert.span, subject: alert.name, ...(expected === undefined ? {} : { expected }) });
        }),
    );
  },
};
