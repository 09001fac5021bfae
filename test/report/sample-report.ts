import type { RuleDoc } from '../../src/check/rule.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { CheckReport } from '../../src/report/report.js';

/** A message with every character some format must escape. */
export const TRICKY_MESSAGE = `Placeholder "TODO" found: 50% done, <fix> & 'ship': soon\nsecond line`;

/** A file name with a space and a non-ASCII letter. */
export const ACCENTED_FILE = 'docs/db failover é.md';

function rule(id: string, defaultSeverity: RuleDoc['defaultSeverity']): RuleDoc {
  return {
    id,
    category: 'completeness',
    defaultSeverity,
    summary: `Reports ${id}.`,
    why: `Because ${id} matters.`,
    fix: `Fix the ${id}.`,
  };
}

export const RULE_DOCS: readonly RuleDoc[] = [
  rule('required-field', 'error'),
  rule('placeholder-text', 'warning'),
  rule('due-soon', 'info'),
  rule('stale', 'error'),
  rule('broken-link', 'warning'),
];

const diagnostics: readonly Diagnostic[] = [
  {
    file: ACCENTED_FILE,
    span: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    ruleId: 'required-field',
    code: 'required-field',
    params: { key: 'owner' },
    subject: 'owner',
    severity: 'error',
    message: 'Missing required field `owner`',
    expected: 'a team from `teams`',
  },
  {
    file: ACCENTED_FILE,
    span: { start: { line: 4, column: 14 }, end: { line: 4, column: 24 } },
    ruleId: 'placeholder-text',
    code: 'placeholder-text',
    params: { text: 'TODO' },
    subject: 'TODO',
    severity: 'warning',
    message: TRICKY_MESSAGE,
    actual: 'TODO',
    note: 'Write the real step.',
  },
  {
    file: ACCENTED_FILE,
    span: { start: { line: 9, column: 1 }, end: { line: 12, column: 1 } },
    ruleId: 'due-soon',
    code: 'due-soon',
    params: { daysLeft: 5 },
    subject: '',
    severity: 'info',
    message: 'Due for a test in 5 days',
  },
  {
    file: 'docs/web.md',
    span: { start: { line: 3, column: 14 }, end: { line: 3, column: 24 } },
    ruleId: 'stale',
    code: 'stale',
    params: { lastTested: '2025-01-10' },
    subject: '',
    severity: 'error',
    message: 'Stale: last tested 2025-01-10',
  },
  {
    file: 'docs/web.md',
    span: { start: { line: 12, column: 3 }, end: { line: 12, column: 30 } },
    ruleId: 'broken-link',
    code: 'broken-link',
    params: { url: './gone.md' },
    subject: './gone.md',
    severity: 'warning',
    message: 'Broken link to `./gone.md`',
  },
];

/** Three files (one clean), diagnostics of every severity, awkward text and names. */
export const SAMPLE: CheckReport = {
  tool: { name: 'runbook', version: '0.1.0' },
  files: [ACCENTED_FILE, 'docs/clean.md', 'docs/web.md'].sort(),
  diagnostics,
  rules: RULE_DOCS,
};

/** The same files, all clean. */
export const CLEAN: CheckReport = { ...SAMPLE, diagnostics: [] };

/** No files and no diagnostics at all. */
export const NOTHING: CheckReport = { ...SAMPLE, files: [], diagnostics: [] };

/** The diagnostic as a run some days later would make it: the day counts in its message and params moved on. */
export function daysLater(diagnostic: Diagnostic): Diagnostic {
  const params = Object.fromEntries(Object.entries(diagnostic.params).map(([name, value]) => [name, typeof value === 'number' ? value + 3 : value]));
  return { ...diagnostic, params, message: diagnostic.message.replace(/\d+ days/, (days) => `${parseInt(days, 10) + 3} days`) };
}
