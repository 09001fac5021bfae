/**
 * gitlab: a GitLab Code Quality report (a JSON array of Code Climate issues), shown in merge
 * requests. Severities map error → `major`, warning → `minor`, info → `info`.
 *
 * The fingerprint is how GitLab tells a new finding from one already on the target branch, so it
 * must be unique within a report and survive unrelated edits: it is the SHA-256 of the rule id, the
 * path, the message and an occurrence counter among diagnostics with that same triple (in report
 * order). The line number is deliberately left out, so inserting lines above a finding does not
 * make it look new; the counter keeps identical findings in one file apart.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic, Severity } from '../model/diagnostic.js';
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
  const seen = new Map<string, number>();
  const issues = report.diagnostics.map((diagnostic): CodeQualityIssue => {
    const triple = JSON.stringify([diagnostic.ruleId, diagnostic.file, diagnostic.message]);
    const occurrence = seen.get(triple) ?? 0;
    seen.set(triple, occurrence + 1);
    return issue(diagnostic, fingerprint(triple, occurrence));
  });
  return jsonText(issues);
};

const SEVERITIES: Readonly<Record<Severity, CodeQualityIssue['severity']>> = { error: 'major', warning: 'minor', info: 'info' };

function issue(diagnostic: Diagnostic, digest: string): CodeQualityIssue {
  return {
    description: diagnostic.message,
    check_name: diagnostic.ruleId,
    fingerprint: digest,
    severity: SEVERITIES[diagnostic.severity],
    // Code Quality paths are relative to the repository root, with forward slashes.
    location: { path: diagnostic.file.replaceAll('\\', '/'), lines: { begin: validRegion(diagnostic.span).start.line } },
  };
}

/** `triple` is JSON, so no choice of separator can make two different triples collide. */
function fingerprint(triple: string, occurrence: number): string {
  return createHash('sha256').update(`${triple}\n${String(occurrence)}`).digest('hex');
}
