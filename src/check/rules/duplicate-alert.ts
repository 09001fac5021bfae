import { finder, type MessageFormats, type Rule, type Finding } from '../rule.js';
import type { Located, Runbook } from '../../model/runbook.js';
import { othersText } from '../others.js';

const messages = {
  'duplicate-alert': (p: { readonly alert: string; readonly others: string }) => `Alert \`${p.alert}\` is claimed more than once; also at ${p.others}`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/**
 * duplicate-alert: an alert claimed by more than one runbook (or twice by one); every claim is
 * reported, naming a few of the others (`and N more`), so the output grows with the claims, not their square.
 */
export const duplicateAlert: Rule = {
  id: 'duplicate-alert',
  scope: 'collection',
  category: 'consistency',
  defaultSeverity: 'error',
  summary: 'An alert is claimed by more than one runbook.',
  why: 'An alert links to exactly one runbook; two claims mean the on-call engineer may land on the wrong one.',
  fix: 'Keep the alert in the runbook that answers it and remove it from the others (or merge the runbooks).',
  examples: {
    ok: { 'disk.md': '---\nalerts: [DiskFull]\n---\n', 'volume.md': '---\nalerts: [VolumeFull]\n---\n' },
    notOk: { 'disk.md': '---\nalerts: [DiskFull]\n---\n', 'volume.md': '---\nalerts: [VolumeFull, DiskFull]\n---\n' },
    reported: [{ at: 'disk.md:2:10' }, { at: 'volume.md:2:22' }],
  },
  messages,
  check(runbooks) {
    const claims = new Map<string, { readonly runbook: Runbook; readonly alert: Located<string> }[]>();
    for (const runbook of runbooks) {
      for (const alert of runbook.alerts) {
        const group = claims.get(alert.value);
        if (group === undefined) claims.set(alert.value, [{ runbook, alert }]);
        else group.push({ runbook, alert });
      }
    }
    const findings: Finding[] = [];
    for (const [name, group] of claims) {
      if (group.length < 2) continue;
      for (const claim of group) {
        const others = othersText(group, claim, (other) => `${other.runbook.file}:${other.alert.span.start.line}:${other.alert.span.start.column}`);
        findings.push(finding('duplicate-alert', { alert: name, others }, { file: claim.runbook.file, span: claim.alert.span, subject: name, actual: name }));
      }
    }
    return findings;
  },
};
