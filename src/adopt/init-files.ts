import handlebars from 'handlebars';

/** One file `runbook init` writes: the template it comes from (under templates/) and where it goes. */
export interface InitFile {
  readonly template: string;
  /** Relative to the folder being initialised, with `/`. */
  readonly target: string;
  /** Other names that count as this file already being there (a config in JSON, say). */
  readonly alsoExisting: readonly string[];
  /** What the file is: the config (fitted to a collection when there is one), the example runbook (only where there are no runbooks), or CI. */
  readonly role: 'config' | 'example' | 'ci';
}

/** Everything `runbook init` writes, in the order it reports them. */
export const INIT_FILES: readonly InitFile[] = [
  { template: 'init/runbook.config.yaml.hbs', target: 'runbook.config.yaml', alsoExisting: ['runbook.config.yml', 'runbook.config.json'], role: 'config' },
  { template: 'init/runbooks/website-down.md.hbs', target: 'runbooks/website-down.md', alsoExisting: [], role: 'example' },
  { template: 'init/github-workflow.yml.hbs', target: '.github/workflows/runbooks.yml', alsoExisting: [], role: 'ci' },
  { template: 'init/gitlab-ci.yml.hbs', target: '.gitlab-ci.yml', alsoExisting: [], role: 'ci' },
];

/** The values init templates are rendered with. */
export interface InitValues {
  /** Today as `YYYY-MM-DD`: the example runbook's `last_tested`. */
  readonly today: string;
  /** This tool's version, pinned in the CI workflows. */
  readonly version: string;
  /** The site's absolute URL as a YAML scalar, or empty when not given (the config then shows a commented-out example). */
  readonly baseUrl: string;
}

/** Renders one init template; a name the template uses but the values lack is an error, not an empty string. */
export function renderInitFile(template: string, values: InitValues): string {
  return handlebars.create().compile(template, { noEscape: true, strict: true })(values);
}

/** What happened to each file (`planned`: a dry run would write it; `text` is shown for the config). */
export type InitOutcome =
  | { readonly kind: 'written'; readonly target: string }
  | { readonly kind: 'planned'; readonly target: string; readonly text: string | undefined }
  | { readonly kind: 'skipped'; readonly target: string; readonly existing: string };

/** How init ran: a dry run writes nothing; `runbooks` is the number of runbooks found already there (undefined: none, starter files). */
export interface InitMode {
  readonly dryRun: boolean;
  readonly runbooks: number | undefined;
}

/** The report `runbook init` prints: every file written (or that would be), every file skipped, and what to do next. */
export function initReport(folder: string, outcomes: readonly InitOutcome[], mode: InitMode = { dryRun: false, runbooks: undefined }): string {
  const done = outcomes.filter((outcome) => outcome.kind !== 'skipped').length;
  const lines = outcomes.map((outcome) =>
    outcome.kind === 'written'
      ? `  wrote    ${outcome.target}`
      : outcome.kind === 'planned'
        ? `  would write  ${outcome.target}`
        : `  skipped  ${outcome.target} (${outcome.existing === outcome.target ? '' : `${outcome.existing} `}exists, left as it was)`,
  );
  const shown = outcomes.flatMap((outcome) => (outcome.kind === 'planned' && outcome.text !== undefined ? [`\n--- ${outcome.target} (would be written) ---\n${outcome.text}---`] : []));
  const head = mode.dryRun
    ? `runbook init --dry-run in ${folder}: ${String(done)} would be written, ${String(outcomes.length - done)} skipped; nothing written`
    : `runbook init in ${folder}: ${String(done)} written, ${String(outcomes.length - done)} skipped`;
  return `${head}\n${[...lines, ...shown].join('\n')}\n${nextStep(done, mode)}\n`;
}

function nextStep(done: number, mode: InitMode): string {
  if (mode.dryRun) return done === 0 ? 'Nothing to do: every file is already there.' : 'Run `runbook init` without --dry-run to write them.';
  if (done === 0) return 'Nothing to do: every file was already there.';
  if (mode.runbooks !== undefined) {
    return `Next: \`runbook check\` (it checks the ${String(mode.runbooks)} runbooks found), then \`runbook baseline\` to record today's findings, so that CI fails only on new ones while you work through them.`;
  }
  return 'Next: `runbook check`, then `runbook new <id> --owner platform --service <name> --severity high` for each runbook.';
}
