/**
 * sarif: SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards. One run whose
 * driver describes every rule (summary, why, fix, default level); one result per diagnostic with
 * its rule index, level (info → `note`), region and a partial fingerprint (`runbookSubject/v1`: rule,
 * path, subject and occurrence, as `gitlab`'s, so a problem keeps it from one day to the next and
 * when lines move). Regions use runbook's spans directly: SARIF's
 * end column is exclusive too, and columns count UTF-16 code units, as JavaScript strings do.
 * Artifact URIs are the displayed paths with forward slashes, percent-encoded per segment; they stay
 * relative when the path is (relative to the working directory, normally the repository root).
 */
import type { RuleDoc } from '../check/rule.js';
import type { Diagnostic, Severity } from '../model/diagnostic.js';
import { groupByFile } from './file-groups.js';
import { fingerprinted } from './fingerprint.js';
import { jsonText } from './json-text.js';
import { validRegion } from './region.js';
import type { Formatter } from './report.js';

/** Where users find runbook's documentation. */
const INFORMATION_URI = 'https://github.com/runbook-cli/runbook';

/** The name (and version) of runbook's partial fingerprint in SARIF results (see `fingerprinted`). */
export const PARTIAL_FINGERPRINT = 'runbookSubject/v1';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Readonly<Record<Severity, SarifLevel>> = { error: 'error', warning: 'warning', info: 'note' };

/** The report as a SARIF 2.1.0 log (2-space indent, trailing newline). */
export const sarif: Formatter = (report) => {
  const ruleIndex = new Map(report.rules.map((rule, index) => [rule.id, index]));
  const files = groupByFile(report).map((group) => group.file);
  const artifactIndex = new Map(files.map((file, index) => [file, index]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            informationUri: INFORMATION_URI,
            rules: report.rules.map(reportingDescriptor),
          },
        },
        columnKind: 'utf16CodeUnits',
        artifacts: files.map((file) => ({ location: { uri: artifactUri(file) } })),
        results: fingerprinted(report.diagnostics).map(({ diagnostic, fingerprint }) =>
          result(diagnostic, fingerprint, ruleIndex.get(diagnostic.ruleId), artifactIndex.get(diagnostic.file)),
        ),
      },
    ],
  };
  return jsonText(log);
};

function reportingDescriptor(rule: RuleDoc) {
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.why },
    help: { text: rule.fix },
    defaultConfiguration: rule.defaultSeverity === 'off' ? { enabled: false } : { level: LEVELS[rule.defaultSeverity] },
    properties: { tags: [rule.category] },
  };
}

/** `ruleIndex` is left out for a rule the report does not describe, rather than pointing at the wrong one. */
function result(diagnostic: Diagnostic, fingerprint: string, ruleIndex: number | undefined, artifactIndex: number | undefined) {
  const { start, end } = validRegion(diagnostic.span);
  return {
    ruleId: diagnostic.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: LEVELS[diagnostic.severity],
    message: { text: diagnostic.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(diagnostic.file), ...(artifactIndex === undefined ? {} : { index: artifactIndex }) },
          region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
        },
      },
    ],
    partialFingerprints: { [PARTIAL_FINGERPRINT]: fingerprint },
  };
}

/** SARIF rule names are identifier-like: `broken-link` → `BrokenLink`. */
function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/**
 * A displayed path as a URI reference: forward slashes, each segment percent-encoded (so spaces,
 * `#`, `?`, `%` and non-ASCII survive), absolute paths as `file:` URIs.
 */
export function artifactUri(file: string): string {
  // encodeURIComponent throws on lone surrogates; a path can only show them as U+FFFD anyway.
  const path = file.replaceAll('\\', '/').replace(/\p{Cs}/gu, '\uFFFD');
  const drive = /^[A-Za-z]:\//.test(path);
  const encoded = path
    .split('/')
    .map((segment, index) => (drive && index === 0 ? segment : encodeURIComponent(segment)))
    .join('/');
  if (drive) return `file:///${encoded}`;
  if (path.startsWith('//')) return `file:${encoded}`;
  if (path.startsWith('/')) return `file://${encoded}`;
  return encoded;
}
