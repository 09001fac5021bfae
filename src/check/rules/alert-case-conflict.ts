import type { Finding, Rule } from '../rule.js';
import type { Located, Runbook } from '../../model/runbook.js';
import { alertFolders, type AlertFolders } from '../../model/alert-paths.js';
import { safeSegment } from '../../model/site-paths.js';
import { othersText } from '../others.js';

/** A runbook's claim on an alert. */
interface Claim {
  readonly runbook: Runbook;
  readonly alert: Located<string>;
}

/**
 * alert-case-conflict: alerts whose names differ only in case (or in characters a page path cannot
 * hold): `DiskFull` and `diskfull`, or `DiskFull` and `DiskFull!`. An alert whose name is its page
 * path keeps `alerts/<Name>/`; a look-alike gets `alerts/<name>-<hash>/` (see `alertFolders`), which
 * no upstream `runbook_url` names, and two exact names differing in case are one folder where case is
 * ignored. An error, so that the pull request adding the look-alike fails; every claim is reported.
 */
export const alertCaseConflict: Rule = {
  id: 'alert-case-conflict',
  scope: 'collection',
  category: 'consistency',
  defaultSeverity: 'error',
  summary: 'Two alerts differ only in case (or in characters a URL cannot hold), so their pages would be one.',
  why: 'A lower-case `runbook_url`, or a file system that ignores case, would send one alert to the other\'s runbook; the look-alike gets a page with a hash suffix, which no upstream link expects, and two names differing only in case share one folder on macOS and Windows.',
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
    const conflicting = [...byFolder.values()].filter((names) => names.size > 1);
    const folders = alertFolders(runbooks.flatMap((runbook) => runbook.alerts.map((alert) => alert.value)));
    for (const names of conflicting) {
      const firsts = [...names.values()].flatMap((claims) => claims.slice(0, 1));
      for (const [name, claims] of names) {
        const [first] = claims;
        if (first === undefined) continue;
        const others = othersText(firsts, first, (other) => `\`${other.alert.value}\` (${other.runbook.file}:${other.alert.span.start.line}:${other.alert.span.start.column})`);
        for (const claim of claims) {
          findings.push({
            file: claim.runbook.file,
            span: claim.alert.span,
            message: `Alert \`${name}\` differs only in case (or in characters a URL cannot hold) from ${others}; ${pageText(name, [...names.keys()], folders)}`,
            actual: name,
          });
        }
      }
    }
    return findings;
  },
};

/** Where the site puts the alert's page, and what that means for links to it. */
function pageText(name: string, group: readonly string[], folders: AlertFolders): string {
  const natural = (alert: string): string => `alerts/${safeSegment(alert)}`;
  const own = folders.get(name)?.[0] ?? natural(name);
  if (own !== natural(name)) return `its page is \`${own}/\`, not \`${natural(name)}/\``;
  const sharing = group.filter((other) => other !== name && folders.get(other)?.[0] === natural(other));
  if (sharing.length === 0) return `its page stays \`${own}/\``;
  return `its page stays \`${own}/\`, which is one folder with ${sharing.map((other) => `\`${natural(other)}/\``).join(', ')} where case is ignored (macOS, Windows)`;
}
