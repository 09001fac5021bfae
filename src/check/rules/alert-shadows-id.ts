import { finder, type MessageFormats, type Rule, type Finding } from '../rule.js';
import type { Runbook } from '../../model/runbook.js';
import { othersText } from '../others.js';

const messages = {
  'alert-shadows-id': (p: { readonly alert: string; readonly others: string }) =>
    `Alert \`${p.alert}\` is the id of ${p.others}; \`runbook show\` and \`runbook tested\` cannot tell them apart`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/**
 * alert-shadows-id: a runbook claims an alert named like another runbook's id (any case), e.g.
 * `alerts: ["db/primary"]` beside `runbooks/db/primary.md`. `runbook show` and `runbook tested`
 * look alert names up before ids, so such a claim would take the other runbook's name over: `show`
 * and `tested` now stop on the ambiguity, and this rule fails the pull request that adds the claim.
 *
 * Ok: `db/primary.md` and `disk.md` claiming `alerts: [DiskFull]`.
 * Not ok: `db/primary.md` and `disk.md` claiming `alerts: ["db/primary"]` (reported on disk.md's claim).
 */
export const alertShadowsId: Rule = {
  id: 'alert-shadows-id',
  scope: 'collection',
  category: 'consistency',
  defaultSeverity: 'error',
  summary: 'An alert a runbook claims has the name of another runbook\'s id.',
  why: '`runbook show <name>` and `runbook tested <name>` try alert names before ids, so the claim would send the on-call engineer to the wrong runbook and record a drill in the wrong file.',
  fix: 'Use the alert\'s real name (as the alert rule spells it); an alert is never named after another runbook\'s path.',
  examples: {
    ok: { 'db/primary.md': '# Primary database\n', 'disk.md': '---\nalerts: [DiskFull]\n---\n' },
    notOk: { 'db/primary.md': '# Primary database\n', 'disk.md': '---\nalerts: ["db/primary"]\n---\n' },
    reported: [{ at: 'disk.md:2:10' }],
  },
  messages,
  check(runbooks) {
    const byId = new Map<string, Runbook[]>();
    for (const runbook of runbooks) {
      const key = runbook.id.toLowerCase();
      const group = byId.get(key);
      if (group === undefined) byId.set(key, [runbook]);
      else group.push(runbook);
    }
    const findings: Finding[] = [];
    for (const runbook of runbooks) {
      for (const alert of runbook.alerts) {
        const named = (byId.get(alert.value.toLowerCase()) ?? []).filter((other) => other !== runbook);
        if (named.length === 0) continue;
        const others = othersText([runbook, ...named], runbook, (other) => `\`${other.id}\` (${other.file})`);
        findings.push(
          finding('alert-shadows-id', { alert: alert.value, others }, {
            file: runbook.file,
            span: alert.span,
            subject: alert.value,
            expected: 'an alert name that is no other runbook\'s id',
            actual: alert.value,
          }),
        );
      }
    }
    return findings;
  },
};
