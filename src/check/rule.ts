import type { CalendarDate } from '../model/calendar-date.js';
import type { Config } from '../model/config.js';
import type { GitFacts } from '../model/git-facts.js';
import type { Diagnostic, MessageParams, RuleSetting, Severity, Span } from '../model/diagnostic.js';
import type { DrillRecordFile } from '../model/drill.js';
import type { Runbook } from '../model/runbook.js';
import type { AlertsInput } from './coverage/alert-rule.js';
import { formatMessage } from './message-code-spans.js';


/** Everything a rule may read besides the runbooks: plain values, so rules stay pure. */
export interface RuleContext {
  readonly config: Config;
  readonly today: CalendarDate;
  readonly git: GitFacts;
  /** Absolute paths of link targets that exist on disk (see `linkTargets`). */
  readonly existingFiles: ReadonlySet<string>;
  /** Where run-wide findings are reported (the runbooks root, as shown to users). */
  readonly rootLabel: string;
  /** The id of every runbook of the collection when the run checks only some (`check <file>`); else the runbooks checked are all. */
  readonly allIds?: readonly string[];
  /** The run's drill records (valid ones, sorted by runbook id then start); none when left out. */
  readonly drills?: readonly DrillRecordFile[];
}

/**
 * A problem a rule found, as data: its code, the values its message is made from and its subject
 * (see {@link Diagnostic}). The runner adds the rule id and the configured severity and formats the
 * message with the rule's {@link MessageFormats} (`diagnosticOf`).
 */
export interface Finding {
  readonly file: string;
  readonly span: Span;
  readonly code: string;
  readonly params: MessageParams;
  readonly subject: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly note?: string;
  /**
   * The most this finding is worth, when less than the rule's setting may make it (`drill-failed`
   * on a low-severity runbook): the configured severity caps it, so `warning` or `off` in the
   * config still lowers or silences every finding.
   */
  readonly severity?: Severity;
}

/**
 * The message of one code, made from its params. Declared through a method so that a rule may
 * write each format with the exact params it takes (`(params: { key: string }) => …`).
 */
export type MessageFormat = { format(params: MessageParams): string }['format'];

/** A rule's wording: one format per code it reports. All of a rule's prose lives here. */
export type MessageFormats = Readonly<Record<string, MessageFormat>>;

/** The params the format of `code` takes. */
type ParamsOf<F extends MessageFormats, C extends keyof F> = F[C] extends (params: infer P extends MessageParams) => string ? P : never;

/**
 * A maker of a rule's findings whose codes and params are checked against its formats:
 * `const finding = finder<typeof messages>()`, then `finding('stale', { overdueDays: 3, … }, { file, span, subject: '' })`.
 */
export function finder<F extends MessageFormats>() {
  return <C extends keyof F & string>(code: C, params: ParamsOf<F, C>, at: Omit<Finding, 'code' | 'params'>): Finding => ({ ...at, code, params });
}

/**
 * The diagnostic of a rule's finding: the rule id, the severity, and the message formatted from the
 * finding's code and params. Throws (a bug in the rule) for a code that is not the rule's.
 */
export function diagnosticOf(rule: Rule, finding: Finding, severity: Severity): Diagnostic {
  const format = Object.hasOwn(rule.messages, finding.code) ? rule.messages[finding.code] : undefined;
  if (format === undefined || (finding.code !== rule.id && !finding.code.startsWith(`${rule.id}/`))) {
    throw new Error(`rule \`${rule.id}\` has no message for code \`${finding.code}\``);
  }
  return { ...finding, ruleId: rule.id, severity, message: formatMessage(format, finding.params) };
}

/** What every rule says about itself; shown by `check --help`, `docs/format.md` and output formats. */
export interface RuleDoc {
  /** Stable id, used in output, config and docs. Never renamed. */
  readonly id: string;
  readonly category: 'file' | 'frontmatter' | 'staleness' | 'completeness' | 'consistency' | 'git' | 'alerts';
  /** Its severity when the config does not set it; `off` for a rule a team opts into. */
  readonly defaultSeverity: RuleSetting;
  /** One line: what it reports. */
  readonly summary: string;
  /** Why it exists. */
  readonly why: string;
  /** How to fix what it reports. */
  readonly fix: string;
}

/**
 * The files of an example: one runbook's text (as `example.md`), or files by name: runbooks
 * (`*.md`), the config (`runbook.config.yaml`), drill records (`drills/<id>/<YYYY-MM-DD>.md`) and,
 * for the alert rules, an alert rule file (`*.yml`).
 */
export type ExampleFiles = string | Readonly<Record<string, string>>;

/**
 * One finding of a not-ok example: where it starts, `line:column` (`file:line:column` when the
 * example has several files), and its code when that is a variant (`frontmatter-missing/unclosed`).
 */
export interface ExampleFinding {
  readonly at: string;
  readonly code?: string;
}

/**
 * Input the rule passes, input it reports, and every finding of the latter in order; shown in
 * docs/format.md and run by test/check/rule-examples.test.ts, which asserts exactly these findings.
 */
export interface RuleExamples {
  readonly ok: ExampleFiles;
  readonly notOk: ExampleFiles;
  readonly reported: readonly [ExampleFinding, ...ExampleFinding[]];
}

/** The examples of a rule whose input cannot be written as files (git facts, bytes, a crash): a test holds them. */
export interface ExamplesElsewhere {
  /** The test file, from the project root, with the rule's ok and not-ok cases. */
  readonly testedIn: string;
}

/** What every rule has: its documentation, the wording of its messages and its examples. */
type RuleBase = RuleDoc & { readonly messages: MessageFormats; readonly examples: RuleExamples | ExamplesElsewhere };

/**
 * A rule: its documentation, its messages and the pure function that finds problems. The scope says
 * what the function is given: one runbook, all of them, or all of them and the alert rule files
 * (`alerts`: `runbook coverage`, and `check` with `alerts.rules`). A `loader` rule has no function:
 * the runner reports it while reading files (unreadable-file, internal-error).
 */
export type Rule =
  | (RuleBase & { readonly scope: 'runbook'; readonly check: (runbook: Runbook, context: RuleContext) => readonly Finding[] })
  | (RuleBase & {
      readonly scope: 'collection';
      readonly check: (runbooks: readonly Runbook[], context: RuleContext) => readonly Finding[];
    })
  | (RuleBase & {
      readonly scope: 'alerts';
      readonly check: (runbooks: readonly Runbook[], alerts: AlertsInput, context: RuleContext) => readonly Finding[];
    })
  | (RuleBase & { readonly scope: 'loader' });
