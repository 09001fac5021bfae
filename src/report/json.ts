/**
 * json: the stable machine format. Every checked file is listed, clean ones with an empty
 * `diagnostics` array, so a consumer can tell "checked and clean" from "not checked". The shape is
 * described by `JSON_REPORT_SCHEMA`; `version` changes only when a field is removed or changes
 * meaning (new optional fields keep the version).
 */
import type { Diagnostic, MessageParams, Severity } from '../model/diagnostic.js';
import { groupByFile } from './file-groups.js';
import { jsonText } from './json-text.js';
import { countBySeverity, type Formatter } from './report.js';

/** The version of the JSON format written by `json`. */
export const JSON_REPORT_VERSION = 1;

/** One diagnostic in the JSON format: positions are 1-based, the end is exclusive. */
export interface JsonDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly ruleId: string;
  /** The kind of problem: the rule id, or `<rule-id>/<variant>`; never renamed. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** The values the message is made from, by name (per code). */
  readonly params: MessageParams;
  readonly expected?: string;
  readonly actual?: string;
  readonly note?: string;
}

/** The whole JSON document written by `json`. */
export interface JsonReport {
  readonly version: typeof JSON_REPORT_VERSION;
  readonly tool: { readonly name: string; readonly version: string };
  /** `files` counts the entries of the top-level `files` array. */
  readonly summary: { readonly files: number; readonly errors: number; readonly warnings: number; readonly infos: number };
  readonly files: readonly { readonly file: string; readonly diagnostics: readonly JsonDiagnostic[] }[];
}

/** The report as a JSON document (2-space indent, trailing newline). */
export const json: Formatter = (report) => {
  const groups = groupByFile(report);
  const document: JsonReport = {
    version: JSON_REPORT_VERSION,
    tool: { name: report.tool.name, version: report.tool.version },
    summary: { files: groups.length, ...countBySeverity(report.diagnostics) },
    files: groups.map((group) => ({ file: group.file, diagnostics: group.diagnostics.map(jsonDiagnostic) })),
  };
  return jsonText(document);
};

function jsonDiagnostic(diagnostic: Diagnostic): JsonDiagnostic {
  return {
    file: diagnostic.file,
    line: diagnostic.span.start.line,
    column: diagnostic.span.start.column,
    endLine: diagnostic.span.end.line,
    endColumn: diagnostic.span.end.column,
    ruleId: diagnostic.ruleId,
    code: diagnostic.code,
    severity: diagnostic.severity,
    message: diagnostic.message,
    params: diagnostic.params,
    ...(diagnostic.expected === undefined ? {} : { expected: diagnostic.expected }),
    ...(diagnostic.actual === undefined ? {} : { actual: diagnostic.actual }),
    ...(diagnostic.note === undefined ? {} : { note: diagnostic.note }),
  };
}
