/**
 * junit: JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure Pipelines).
 * One `<testsuite>` per checked file; each error or warning is a failing `<testcase>` named
 * `rule-id line:col` (its `type` is the severity); a file without errors or warnings gets one
 * passing `runbook check` test case, so every file shows up as a test.
 *
 * Info diagnostics are left out: JUnit knows only passed, failed and skipped, and an info finding is
 * none of these; listing it as a passed test would report a "test" that does not exist. Use
 * `pretty`, `json` or `sarif` to see them.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { groupByFile, type FileGroup } from './file-groups.js';
import type { Formatter } from './report.js';
import { xmlAttribute, xmlContent } from './xml-text.js';

/** The report as a JUnit XML document. */
export const junit: Formatter = (report) => {
  const suites = groupByFile(report).map(suite);
  const tests = suites.reduce((sum, entry) => sum + entry.tests, 0);
  const failures = suites.reduce((sum, entry) => sum + entry.failures, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="runbook" tests="${String(tests)}" failures="${String(failures)}" errors="0">`,
    ...suites.map((entry) => entry.xml),
    '</testsuites>',
    '',
  ].join('\n');
};

interface Suite {
  readonly tests: number;
  readonly failures: number;
  readonly xml: string;
}

function suite(group: FileGroup): Suite {
  const file = xmlAttribute(group.file);
  const failing = group.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info');
  const cases = failing.length === 0 ? [`    <testcase name="runbook check" classname="${file}"/>`] : failing.map(failingCase);
  return {
    tests: cases.length,
    failures: failing.length,
    xml: [
      `  <testsuite name="${file}" tests="${String(cases.length)}" failures="${String(failing.length)}" errors="0">`,
      ...cases,
      '  </testsuite>',
    ].join('\n'),
  };
}

function failingCase(diagnostic: Diagnostic): string {
  const { line, column } = diagnostic.span.start;
  const name = xmlAttribute(`${diagnostic.ruleId} ${String(line)}:${String(column)}`);
  const details = [
    `${diagnostic.file}:${String(line)}:${String(column)}: ${diagnostic.severity} ${diagnostic.message} (${diagnostic.ruleId})`,
    ...(diagnostic.expected === undefined ? [] : [`Expected: ${diagnostic.expected}`]),
    ...(diagnostic.actual === undefined ? [] : [`Actual: ${diagnostic.actual}`]),
    ...(diagnostic.note === undefined ? [] : [`Note: ${diagnostic.note}`]),
  ].join('\n');
  return [
    `    <testcase name="${name}" classname="${xmlAttribute(diagnostic.file)}">`,
    `      <failure message="${xmlAttribute(diagnostic.message)}" type="${diagnostic.severity}">${xmlContent(details)}</failure>`,
    '    </testcase>',
  ].join('\n');
}
