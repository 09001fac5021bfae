/**
 * The examples site built in-process with drill records made in the tests (among them hostile
 * operator and environment names): what the drills site and browser tests look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DrillRecordFile } from '../../src/model/drill.js';
import { loadTemplates } from '../../src/io/templates.js';
import { buildSite } from '../../src/site/build-site.js';
import type { SiteFile } from '../../src/site/search-document.js';
import { drillFile } from '../drill-records.js';
import { TODAY } from '../helpers.js';
import { loadProject } from '../load-project.js';
import { PROJECT_ROOT } from '../shared.js';

/** An operator's name that tries everything: markup, a bidi override, and far too long. */
const HOSTILE_OPERATOR = `<script>alert(1)</script>\u202Eevil${'x'.repeat(500)}`;
const HOSTILE_ENVIRONMENT = '"><img src=x onerror=alert(1)>';

/** Six drills of the retry storm (five recovered, getting faster), one of the primary database, one hostile. */
const DRILLS: readonly DrillRecordFile[] = [
  drillFile('payments/retry-storm', '2026-05-04T09:00:00Z', 'recovered', 31 * 60),
  drillFile('payments/retry-storm', '2026-06-08T09:00:00Z', 'recovered', 24 * 60, { environment: 'prod', operator: 'Grace Hopper' }),
  drillFile('payments/retry-storm', '2026-07-06T09:00:00Z', 'failed', 40 * 60),
  drillFile('payments/retry-storm', '2026-08-03T09:00:00Z', 'recovered', 18 * 60),
  drillFile('payments/retry-storm', '2026-09-07T09:00:00Z', 'recovered', 15 * 60),
  drillFile('payments/retry-storm', '2026-10-05T09:00:00Z', 'recovered', 12 * 60),
  drillFile('database/primary-down', '2026-11-02T14:00:00Z', 'recovered', 65 * 60),
  drillFile('database/primary-down', '2026-11-20T14:00:00Z', 'aborted', 300, { environment: HOSTILE_ENVIRONMENT, operator: HOSTILE_OPERATOR }),
];

/** The examples site with {@link DRILLS} (or the records given). */
export async function drillSite(drills: readonly DrillRecordFile[] = DRILLS): Promise<readonly SiteFile[]> {
  const project = await loadProject({ cwd: PROJECT_ROOT, paths: [], config: undefined, today: TODAY, git: false, render: true });
  return buildSite({
    runbooks: project.runbooks,
    bodies: project.bodies,
    diagnostics: project.runbookDiagnostics,
    config: project.config,
    today: TODAY,
    git: project.git,
    drills,
    templates: loadTemplates(undefined),
  });
}

/** Writes a site's files under `folder`. */
export function writeSiteFiles(folder: string, files: readonly SiteFile[]): void {
  for (const file of files) {
    const path = join(folder, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
}
