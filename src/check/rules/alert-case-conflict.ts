import type { Finding, Rule } from '../rule.js';
import type { Located, Runbook } from '../../model/runbook.js';
import { safeSegment } from '../../site/paths.js';
import { othersText } from '../others.js';

/** A runbook's claim on an alert. */
interface Claim {
  readonly runbook: Runbook;
  readonly alert: Located<string>;
}

/**
 * alert-case-conflict: alerts whose names differ only in case (or in characters a page path cannot
 * hold): `DiskFull` and `diskfull`. Their pages `alerts/DiskFull/` and `alerts/diskfull/` are one
 * folder on a file system that ignores case, and a lower-case `runbook_url` cannot tell them apart,
 * so the site gives each `alerts/<Name>-<hash>/` instead (see `alertFolders`). Every claim is reported.
 */
export const alertCaseConflict: Rule = {
  id: 'alert-case-conflict',
  scope: 'collection',
  category: 'consistency',
  defaultSeverity: 'warning',
  summary: 'Two alerts differ only in case (or in characters a URL cannot hold), so their pages would be one.',
  why: 'A lower-case `runbook_url`, or a file system that ignores case, would send one alert to the other\'s runbook; the site gives both pages with a hash suffix instead, which no upstream link expects.',
  fix: 'Use the alert\'s exact name (as the alert rule spells it) in every runbook, or rename one of the alerts.',
  examples: {
    ok: '---\nalerts: [DiskFull, DiskAlmostFull]\n---\n',
    notOk: '---\nalerts: [DiskFull, diskfull]\n---\n',
  },
  check(runbooks) {
    // page folder (lower case) → alert name → its claims, in file order
    const byFolder = new Map<string, Map<string, Claim[]>>();
    for (const runbook of runbooks) {
      for (const alert of runbook.alerts) {
        const folder = safeSegment(alert.value).toLowerCase();
        const names = byFolder.get(folder) ?? new Map<string, Claim[]>();
        byFolder.set(folder, names);
        const claims = names.get(alert.value);
        if (claims === undefined) names.set(alert.value, [{ runbook, alert }]);
        else claims.push({ runbook, alert });
      }
    }
    const findings: Finding[] = [];
    for (const names of byFolder.values()) {
      if (names.size < 2) continue;
      const firsts = [...names.values()].flatMap((claims) => claims.slice(0, 1));
      for (const [name, claims] of names) {
        const [first] = claims;
        if (first === undefined) continue;
        const others = othersText(firsts, first, (other) => `\`${other.alert.value}\` (${other.runbook.file}:${other.alert.span.start.line}:${other.alert.span.start.column})`);
        for (const claim of claims) {
          findings.push({
            file: claim.runbook.file,
            span: claim.alert.span,
            message: `Alert \`${name}\` differs only in case (or in characters a URL cannot hold) from ${others}; each gets a page with a hash suffix, and \`alerts/${safeSegment(name)}/\` is none of theirs`,
            actual: name,
          });
        }
      }
    }
    return findings;
  },
};
