import type { Config } from '../model/config.js';
import { FILE_START } from '../model/diagnostic.js';
import type { Located } from '../model/runbook.js';

/** A Prometheus alert name (the classic metric-name syntax Prometheus checks alert names against). */
const ALERT_NAME = /^[A-Za-z_:][A-Za-z0-9_:]*$/;

/**
 * The alerts a runbook answers: those its frontmatter lists, plus, when the config says
 * `alerts.from_file_name`, the alert its file is named after (`kubernetes/KubePodCrashLooping` →
 * `KubePodCrashLooping`, claimed at the start of the file) unless the frontmatter lists it already.
 * A file name that is no alert name (`disk-full`) claims nothing.
 */
export function claimedAlerts(listed: readonly Located<string>[], id: string, config: Config): readonly Located<string>[] {
  if (!config.alerts.fromFileName) return listed;
  const named = fileNameAlert(id);
  if (named === undefined || listed.some((alert) => alert.value === named)) return listed;
  return [...listed, { value: named, span: FILE_START }];
}

/** The alert a runbook id names by its last path segment, if that is an alert name. */
export function fileNameAlert(id: string): string | undefined {
  const name = id.slice(id.lastIndexOf('/') + 1);
  return ALERT_NAME.test(name) ? name : undefined;
}
