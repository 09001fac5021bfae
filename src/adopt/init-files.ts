import handlebars from 'handlebars';

/** One file `runbook init` writes: the template it comes from (under templates/) and where it goes. */
export interface InitFile {
  readonly template: string;
  /** Relative to the folder being initialised, with `/`. */
  readonly target: string;
  /** Other names that count as this file already being there (a config in JSON, say). */
  readonly alsoExisting: readonly string[];
}

/** Everything `runbook init` writes, in the order it reports them. */
export const INIT_FILES: readonly InitFile[] = [
  { template: 'init/runbook.config.yaml.hbs', target: 'runbook.config.yaml', alsoExisting: ['runbook.config.yml', 'runbook.config.json'] },
  { template: 'init/runbooks/website-down.md.hbs', target: 'runbooks/website-down.md', alsoExisting: [] },
  { template: 'init/github-workflow.yml.hbs', target: '.github/workflows/runbooks.yml', alsoExisting: [] },
  { template: 'init/gitlab-ci.yml.hbs', target: '.gitlab-ci.yml', alsoExisting: [] },
];

/** The values init templates are rendered with. */
export interface InitValues {
  /** Today as `YYYY-MM-DD`: the example runbook's `last_tested`. */
  readonly today: string;
  /** This tool's version, pinned in the CI workflows. */
  readonly version: string;
}

/** Renders one init template; a name the template uses but the values lack is an error, not an empty string. */
export function renderInitFile(template: string, values: InitValues): string {
  return handlebars.create().compile(template, { noEscape: true, strict: true })(values);
}

/** What happened to each file. */
export type InitOutcome = { readonly kind: 'written'; readonly target: string } | { readonly kind: 'skipped'; readonly target: string; readonly existing: string };

/** The report `runbook init` prints: every file written, every file skipped, and what to do next. */
export function initReport(folder: string, outcomes: readonly InitOutcome[]): string {
  const written = outcomes.filter((outcome) => outcome.kind === 'written').length;
  const lines = outcomes.map((outcome) =>
    outcome.kind === 'written'
      ? `  wrote    ${outcome.target}`
      : `  skipped  ${outcome.target} (${outcome.existing === outcome.target ? '' : `${outcome.existing} `}exists, left as it was)`,
  );
  const next =
    written === 0
      ? 'Nothing to do: every file was already there.'
      : 'Next: `runbook check`, then `runbook new <id> --owner platform --service <name> --severity high` for each runbook.';
  return `runbook init in ${folder}: ${written} written, ${outcomes.length - written} skipped\n${lines.join('\n')}\n${next}\n`;
}
