import handlebars from 'handlebars';
import { Scalar, stringify } from 'yaml';
import type { Config } from '../model/config.js';
import { closest } from '../parse/closest.js';

/** What `runbook new` was asked for, as given on the command line. */
export interface NewRunbookRequest {
  readonly id: string;
  readonly title: string | undefined;
  readonly owner: string | undefined;
  readonly service: string | undefined;
  readonly severity: string | undefined;
  readonly alerts: readonly string[];
}

/** The values a new-runbook template is rendered with. */
export interface NewRunbookValues {
  readonly id: string;
  readonly title: string;
  readonly owner: string;
  readonly service: string;
  readonly severity: string;
  readonly alerts: readonly string[];
  /** The fields left as the placeholder `TODO`, for the user to fill. */
  readonly unfilled: readonly string[];
}

/** The placeholder written for a field that was not given: the `placeholder-text` rule reports it. */
const UNFILLED = 'TODO';

/**
 * Checks the request against the config (owner among the teams, severity among the severities,
 * alert names without spaces) and gives the template's values, or the reasons it is refused. A
 * field not given becomes {@link UNFILLED}, never a guess.
 */
export function newRunbookValues(request: NewRunbookRequest, config: Config): { readonly kind: 'values'; readonly values: NewRunbookValues } | { readonly kind: 'refused'; readonly reasons: readonly string[] } {
  const reasons: string[] = [];
  const given = (option: string, value: string | undefined): string | undefined => {
    if (value === undefined) return undefined;
    if (value.trim() === '') reasons.push(`empty ${option}; leave it out to fill it in later`);
    if (/[\r\n]/.test(value)) reasons.push(`${option} \`${value.replace(/[\r\n]+/g, '⏎')}\` spans several lines; expected one line`);
    return value.trim();
  };
  const owner = given('--owner', request.owner);
  const service = given('--service', request.service);
  const severity = given('--severity', request.severity);
  const title = given('--title', request.title);
  if (owner !== undefined && config.teams.kind === 'listed' && !config.teams.byId.has(owner)) {
    reasons.push(unknownText('team', owner, [...config.teams.byId.keys()]));
  }
  const severities = config.severities.map((level) => level.id);
  if (severity !== undefined && !severities.includes(severity)) reasons.push(unknownText('severity', severity, severities));
  for (const alert of request.alerts) {
    if (!/^\S+$/u.test(alert)) reasons.push(`invalid alert name \`${alert}\`: expected a name without spaces, such as \`PostgresPrimaryDown\``);
  }
  if (reasons.length > 0) return { kind: 'refused', reasons };
  const unfilled = [['owner', owner], ['service', service], ['severity', severity]].filter(([, value]) => value === undefined).map(([key = '']) => key);
  return {
    kind: 'values',
    values: {
      id: request.id,
      title: title ?? titleFromId(request.id),
      owner: owner ?? UNFILLED,
      service: service ?? UNFILLED,
      severity: severity ?? UNFILLED,
      alerts: [...new Set(request.alerts)],
      unfilled,
    },
  };
}

function unknownText(what: string, value: string, known: readonly string[]): string {
  const suggestion = closest(value, known);
  const list = known.map((item) => `\`${item}\``).join(', ');
  return `unknown ${what} \`${value}\`${suggestion === undefined ? '' : `; did you mean \`${suggestion}\`?`} (the config lists ${list})`;
}

/** A title from the id's last part: `database/primary-down` → `Primary down`. */
function titleFromId(id: string): string {
  const words = (id.split('/').pop() ?? id).replace(/[-_.]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Renders a new-runbook template (Handlebars). Besides the values, templates get a `yaml` helper
 * that writes a value as a YAML scalar, quoted when it needs to be: `owner: {{yaml owner}}`.
 * Throws when the template is not valid Handlebars or names a value that does not exist.
 */
export function renderNewRunbook(template: string, values: NewRunbookValues): string {
  const engine = handlebars.create();
  engine.registerHelper('yaml', (value: unknown) => yamlScalar(String(value)));
  return engine.compile(template, { noEscape: true, strict: true })(values);
}

/** `text` as a one-line YAML scalar: plain when YAML reads it back as the same text, else quoted. */
function yamlScalar(text: string): string {
  return stringify(new Scalar(text), { lineWidth: 0 }).trimEnd();
}
