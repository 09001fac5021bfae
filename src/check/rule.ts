import type { CalendarDate } from '../model/calendar-date.js';
import type { Config } from '../model/config.js';
import type { GitFacts } from '../model/git-facts.js';
import type { Severity, Span } from '../model/diagnostic.js';
import type { Runbook } from '../model/runbook.js';


/** Everything a rule may read besides the runbooks: plain values, so rules stay pure. */
export interface RuleContext {
  readonly config: Config;
  readonly today: CalendarDate;
  readonly git: GitFacts;
  /** Absolute paths of link targets that exist on disk (see `linkTargets`). */
  readonly existingFiles: ReadonlySet<string>;
  /** Where run-wide findings are reported (the runbooks root, as shown to users). */
  readonly rootLabel: string;
}

/** A problem a rule found; the runner adds the rule id and the configured severity. */
export interface Finding {
  readonly file: string;
  readonly span: Span;
  readonly message: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly note?: string;
}

/** What every rule says about itself; shown by `check --help`, `docs/format.md` and output formats. */
export interface RuleDoc {
  /** Stable id, used in output, config and docs. Never renamed. */
  readonly id: string;
  readonly category: 'file' | 'frontmatter' | 'staleness' | 'completeness' | 'consistency' | 'git' | 'alerts';
  readonly defaultSeverity: Severity;
  /** One line: what it reports. */
  readonly summary: string;
  /** Why it exists. */
  readonly why: string;
  /** How to fix what it reports. */
  readonly fix: string;
  /** A runbook that passes the rule and one that does not (tests run both). */
  readonly examples?: { readonly ok: string; readonly notOk: string };
}

/** A rule: its documentation and the pure function that finds problems. */
export type Rule =
  | (RuleDoc & { readonly scope: 'runbook'; readonly check: (runbook: Runbook, context: RuleContext) => readonly Finding[] })
  | (RuleDoc & {
      readonly scope: 'collection';
      readonly check: (runbooks: readonly Runbook[], context: RuleContext) => readonly Finding[];
    })
  | (RuleDoc & { readonly scope: 'loader' });
