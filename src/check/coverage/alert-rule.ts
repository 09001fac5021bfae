import type { Span } from '../../model/diagnostic.js';
import type { Field, Located } from '../../model/runbook.js';

/** One alerting rule (`- alert: Name`) of a Prometheus rule file, with where it was written. */
export interface AlertRule {
  readonly name: string;
  /** The rule file, as shown to users. */
  readonly file: string;
  /** Where the name (the value of `alert:`) is written. */
  readonly span: Span;
  /** The `annotations.runbook_url` as written (templates and all). */
  readonly runbookUrl: Field<string>;
}

/**
 * A rule file after reading: the alerting rules it defines, and what could not be read (YAML
 * errors, an unexpected shape), each located. A document that is not valid YAML contributes no
 * rules; the other documents of the file, and the well-formed rules beside a malformed one, still do.
 */
export interface RuleFile {
  readonly file: string;
  readonly alerts: readonly AlertRule[];
  readonly problems: readonly Located<string>[];
}

/** What the alert rules (scope `alerts`) read besides the runbooks and the config: plain values from the shell. */
export interface AlertsInput {
  readonly ruleFiles: readonly RuleFile[];
  /** Globs of `alerts.rules` that matched no file, and the config file (as shown) they are written in. */
  readonly unmatched: readonly { readonly glob: string; readonly file: string }[];
  /**
   * Whether the runbooks are the whole collection. When only some runbooks were read, an alert none
   * of them answers may have a runbook elsewhere, so `alert-without-runbook` is not reported.
   */
  readonly complete: boolean;
}
