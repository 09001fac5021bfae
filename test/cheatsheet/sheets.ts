/**
 * Shared setup of the cheat sheet tests: sheets of a project folder, made in-process with the tests'
 * fixed date and a fixed commit (the real one must never reach a golden file).
 */
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cheatSheets, type CheatSheet, type SheetSelection } from '../../src/cheatsheet/sheet.js';
import type { SourceCommit } from '../../src/model/source-commit.js';
import { loadProject } from '../load-project.js';
import { collectionView } from '../../src/view/collection-view.js';
import { TODAY } from '../helpers.js';
import { PROJECT_ROOT } from '../shared.js';

/** The commit the tests print: a value no real repository will have checked out by chance. */
export const TEST_COMMIT: SourceCommit = { kind: 'known', short: 'abc1234' };

/** The team of ten realistic runbooks that the printed sheet must fit on two pages. */
export const TEAM_OF_TEN = join(PROJECT_ROOT, 'test', 'fixtures', 'cheatsheet', 'team-of-ten');

/** A team of three runbooks with drill records in `drills/` (five drills of one, one of another, an aborted one of the third). */
export const DRILLED = join(PROJECT_ROOT, 'test', 'fixtures', 'cheatsheet', 'drilled');

/** The sheets of the project in `cwd` (its config found from there), as the CLI would make them. */
export async function sheetsOf(cwd: string, selection: SheetSelection = { kind: 'every-team' }, paths: readonly string[] = []): Promise<readonly CheatSheet[]> {
  const project = await loadProject({ cwd, paths, config: undefined, today: TODAY, git: false });
  const view = collectionView(project.runbooks, project.diagnostics, project.config, TODAY, project.git, undefined, project.drills);
  const selected = cheatSheets(view, selection, { today: TODAY, commit: TEST_COMMIT });
  if (selected.kind !== 'sheets') throw new Error(`no ${selected.of} \`${selected.wanted}\` in ${cwd}`);
  return selected.sheets;
}

/** The one sheet of `key`, failing the test when there is none. */
export async function sheetOf(cwd: string, key: string): Promise<CheatSheet> {
  const [sheet] = await sheetsOf(cwd, { kind: 'team', wanted: key });
  if (sheet === undefined) throw new Error(`no sheet for team ${key}`);
  return sheet;
}

/**
 * The team of ten copied into `folder`, with one more critical runbook of `steps` long steps (each a
 * sentence, a two-line command and what to expect): more than two pages hold.
 */
export function teamWithLongRunbook(folder: string, steps: number): string {
  cpSync(TEAM_OF_TEN, folder, { recursive: true });
  const recovery = Array.from({ length: steps }, (_, index) =>
    [
      `  - step: "Step ${index + 1}: drain the node pool of zone ${index} and wait for the pods to move elsewhere"`,
      `    run: "kubectl drain pool-${index} --ignore-daemonsets --delete-emptydir-data --timeout=600s\\nkubectl get pods -A -o wide | grep pool-${index}"`,
      '    expect: "node/pool drained, and no pods left on it"',
    ].join('\n'),
  );
  const frontmatter = ['---', 'title: Everything is down', 'owner: search', 'service: search-cluster', 'severity: critical', 'last_tested: 2026-10-30', 'recovery:', ...recovery, '---', ''];
  writeFileSync(join(folder, 'runbooks', 'everything-down.md'), [...frontmatter, '# Everything is down', ''].join('\n'));
  return folder;
}

