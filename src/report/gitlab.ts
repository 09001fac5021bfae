/**
 * gitlab: a GitLab Code Quality report (a JSON array of Code Climate issues), shown in merge
 * requests. Severities map error → `major`, warning → `minor`, info → `info`.
 *
 * The fingerprint is how GitLab tells a new finding from one already on the target branch, so it
 * must be unique within a report and survive unrelated edits and the passing of days: it is made of
 * the rule id, the path, the subject and an occurrence counter, never the message or the line (see
 * `fingerprinted`).
 */
import type { Diagnostic, Severity } from '../model/diagnostic.js';
import { fingerprinted } from './fingerprint.js';
import { jsonText } from './json-text.js';
import { validRegion } from './region.js';
import type { Formatter } from './report.js';

/** One Code Quality issue. */
export interface CodeQualityIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  readonly location: { readonly path: string; readonly lines: { readonly begin: number } };
}

/** The report as a GitLab Code Quality JSON array (2-space indent, trailing newline). */
export const gitlab: Formatter = (report) => {
  return jsonText(fingerprinted(report.diagnostics).map(({ diagnostic, fingerprint }) => issue(diagnostic, fingerprint)));
};

const SEVERITIES: Readonly<Record<Severity, CodeQualityIssue['severity']>> = { error: 'major', warning: 'minor', info: 'info' };

function issue(diagnostic: Diagnostic, fingerprint: string): CodeQualityIssue {
  return {
    description: diagnostic.message,
    check_name: diagnostic.ruleId,
    fingerprint,
    severity: SEVERITIES[diagnostic.severity],
    // Code Quality paths are relative to the repository root, with forward slashes.
    location: { path: diagnostic.file.replaceAll('\\', '/'), lines: { begin: validRegion(diagnostic.span).start.line } },
  };
}
