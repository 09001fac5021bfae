import { alertFolders } from '../../model/alert-paths.js';
import type { Located, Runbook } from '../../model/runbook.js';
import { runbookFolders } from '../../model/runbook-paths.js';
import { expectedUrls } from './url-pattern.js';

/** A runbook's claim on an alert: listed under its `alerts`, or named by its file (`alerts.from_file_name`). */
export interface Claim {
  readonly runbook: Runbook;
  readonly alert: Located<string>;
}

/** The runbooks' claims on alerts, by alert name, each group in runbook order. */
export function claimsByAlert(runbooks: readonly Runbook[]): ReadonlyMap<string, readonly Claim[]> {
  const claims = new Map<string, Claim[]>();
  for (const runbook of runbooks) {
    for (const alert of runbook.alerts) {
      const group = claims.get(alert.value);
      if (group === undefined) claims.set(alert.value, [{ runbook, alert }]);
      else group.push({ runbook, alert });
    }
  }
  return claims;
}

/**
 * The URLs `alerts.url` (`pattern`) gives for an alert answered by the runbook `id` (see
 * {@link expectedUrls}; the first is the one messages show). `{alert}` and `{id}` stand for the
 * folders of the pages the site writes, which depend on every alert claimed and every runbook of the
 * collection (`allIds`, when only some are checked), so this is made once for them all.
 */
export function urlsOfClaims(
  pattern: string,
  claims: ReadonlyMap<string, readonly Claim[]>,
  runbooks: readonly Runbook[],
  allIds: readonly string[] = runbooks.map((runbook) => runbook.id),
): (alert: string, id: string) => readonly string[] {
  const folders = alertFolders(claims.keys());
  const runbookPages = runbookFolders(allIds);
  // The folders under `alerts/` (`DiskFull`, `diskfull`) and `runbooks/` (`disk/DiskFull`, `disk/diskfull`).
  const under = (paths: readonly string[] | undefined): readonly string[] => (paths ?? []).map((folder) => folder.slice(folder.indexOf('/') + 1));
  return (alert, id) => expectedUrls(pattern, { name: alert, folders: under(folders.get(alert)) }, { id, folders: under(runbookPages.get(id)) });
}
