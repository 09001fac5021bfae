import { finder, type Finding, type MessageFormats, type Rule } from '../rule.js';
import type { Located, Runbook } from '../../model/runbook.js';
import { alertFolders, type AlertFolders } from '../../model/alert-paths.js';
import { safeSegment } from '../../model/site-paths.js';
import { caseFold } from '../../text/case-fold.js';
import { othersText } from '../others.js';

/** Where the site puts the alert's page: its folder, the folder its name alone would give, the look-alikes sharing that folder where case is ignored (as shown). */
type PageParams = {
  readonly page: string;
  readonly natural: string;
  readonly sharing?: string;
};

const messages = {
  'alert-case-conflict': (p: { readonly alert: string; readonly others: string } & PageParams) =>
    `Alert \`${p.alert}\` differs only in case (or in characters a URL cannot hold) from ${p.others}; ${pageText(p)}`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

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
    reported: [{ at: '2:10' }, { at: '2:20' }],
  },
  messages,
  check(runbooks) {
    // page folder (case folded, `caseFold`) → alert name → its claims, in file order
    const byFolder = new Map<string, Map<string, Claim[]>>();
    for (const runbook of runbooks) {
      for (const alert of runbook.alerts) {
        const folder = caseFold(safeSegment(alert.value));
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
        const params = { alert: name, others, ...pageParams(name, [...names.keys()], folders) };
        for (const claim of claims) {
          findings.push(finding('alert-case-conflict', params, { file: claim.runbook.file, span: claim.alert.span, subject: name, actual: name }));
        }
      }
    }
    return findings;
  },
};

/** Where the site puts the alert's page, for the message. */
function pageParams(name: string, group: readonly string[], folders: AlertFolders): PageParams {
  const natural = (alert: string): string => `alerts/${safeSegment(alert)}`;
  const page = folders.get(name)?.[0] ?? natural(name);
  if (page !== natural(name)) return { page, natural: natural(name) };
  const sharing = group.filter((other) => other !== name && folders.get(other)?.[0] === natural(other));
  if (sharing.length === 0) return { page, natural: page };
  return { page, natural: page, sharing: sharing.map((other) => `\`${natural(other)}/\``).join(', ') };
}

/** What the page's folder means for links to it. */
function pageText(p: PageParams): string {
  if (p.page !== p.natural) return `its page is \`${p.page}/\`, not \`${p.natural}/\``;
  if (p.sharing === undefined) return `its page stays \`${p.page}/\``;
  return `its page stays \`${p.page}/\`, which is one folder with ${p.sharing} where case is ignored (macOS, Windows)`;
}
