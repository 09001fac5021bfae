import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { leavingLinkText } from '../adopt/link-refusal.js';
import { INIT_FILES, initReport, renderInitFile, type InitFile, type InitOutcome, type InitValues } from '../adopt/init-files.js';
import { createFile } from '../io/create-file.js';
import { displayPath } from '../io/discover.js';
import type { Io } from '../io/io.js';
import { linkLeaving } from '../io/links-on-the-way.js';
import { BUILT_IN_TEMPLATES } from '../io/templates.js';
import { calendarDateOfInstant, formatCalendarDate } from '../model/calendar-date.js';
import { printable } from '../text/terminal-text.js';
import { EXIT } from './exit-codes.js';
import { toolInfo } from './version.js';

/** `runbook init [dir]`: a config, an example runbook and CI workflows, never over an existing file. */
export function initCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('init')
    .summary('set up a repository: config, an example runbook, CI workflows')
    .description(
      'Writes runbook.config.yaml (every key explained in a comment), an example runbook that passes `check`, a GitHub ' +
        'Actions workflow (.github/workflows/runbooks.yml) and a GitLab CI file (.gitlab-ci.yml). A file that already ' +
        'exists is left as it was and listed as skipped, so running init again changes nothing.',
    )
    .argument('[dir]', 'the folder to set up (default: the working folder)')
    .addHelpText(
      'after',
      `
Nothing is written through a symlink leading out of the folder (or dangling): init then writes
nothing and names the link.

Exit codes: 0 done (files written or skipped), 2 a file could not be written, or a symlink on the
way leads out of the folder.

Examples:
  $ runbook init
  $ runbook init ops/runbooks`,
    )
    .action((dir: string | undefined) => {
      setExit(runInit(dir, io));
    });
}

function runInit(dir: string | undefined, io: Io): number {
  const folder = resolve(io.cwd, dir ?? '.');
  const show = (path: string): string => printable(displayPath(path, io.cwd));
  const leaving = INIT_FILES.flatMap((file) => linkLeaving(folder, join(folder, file.target)) ?? []);
  if (leaving.length > 0) {
    const boundary = `the folder being set up \`${show(folder)}\``;
    io.stderr.write(`runbook: nothing written: ${[...new Set(leaving.map((link) => leavingLinkText(link, boundary, show)))].join('\n  ')}\n`);
    return EXIT.failure;
  }
  const values: InitValues = { today: formatCalendarDate(calendarDateOfInstant(io.now())), version: toolInfo().version };
  const outcomes = INIT_FILES.map((file) => initFile(folder, file, values));
  io.stdout.write(initReport(displayPath(folder, io.cwd), outcomes));
  return EXIT.ok;
}

function initFile(folder: string, file: InitFile, values: InitValues): InitOutcome {
  const existing = [file.target, ...file.alsoExisting].find((name) => existsSync(join(folder, name)));
  if (existing !== undefined) return { kind: 'skipped', target: file.target, existing };
  const templatePath = join(BUILT_IN_TEMPLATES, file.template);
  let text: string;
  try {
    text = renderInitFile(readFileSync(templatePath, 'utf8'), values);
  } catch (error: unknown) {
    throw new Error(`cannot render the template ${templatePath}`, { cause: error });
  }
  const created = createFile(join(folder, file.target), new TextEncoder().encode(text));
  return created.kind === 'created' ? { kind: 'written', target: file.target } : { kind: 'skipped', target: file.target, existing: file.target };
}
