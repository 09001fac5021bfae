import type { Diagnostic, Point, Span } from '../model/diagnostic.js';
import type { Runbook } from '../model/runbook.js';
import { directiveWord, type Suppression } from '../model/suppression.js';
import { closest } from '../parse/closest.js';
import type { Finding, Rule } from './rule.js';
import { invalidSuppressionFinding } from './rules/invalid-suppression.js';
import { unusedSuppressionFinding } from './rules/unused-suppression.js';

/** The diagnostics that no comment silenced, and what the comments themselves are reported for. */
export interface Suppressed {
  readonly kept: readonly Diagnostic[];
  readonly invalid: readonly Finding[];
  readonly unused: readonly Finding[];
  /** Files whose comments could not be applied (a bug): their diagnostics are all kept. */
  readonly crashed: readonly { readonly file: string; readonly error: unknown }[];
}

/** Where one comment silences one rule. */
interface Reach {
  readonly rule: string;
  readonly word: string;
  readonly span: Span;
  readonly covers: (point: Point) => boolean;
}

const NOTE = 'This comment silences nothing until it is fixed.';

/**
 * Rules of runbooks whose findings protect another runbook, so that the file reported cannot
 * silence them: `alert-shadows-id` is reported only on the claim, and a claim silenced there took
 * the other runbook's name in `show` and `tested` while the pull request adding it passed.
 */
const ABOUT_OTHERS: ReadonlySet<string> = new Set(['alert-shadows-id']);

/**
 * Applies the suppression comments of each runbook to the diagnostics of its own file (see
 * docs/suppressions.md): drops those they silence, and returns the comments that cannot be read
 * (`invalid-suppression`) and those that silence nothing (`unused-suppression`). Only the rules
 * that check runbooks (scope `runbook` or `collection`) can be silenced: never `internal-error`,
 * `unreadable-file`, the alert rules, `alert-shadows-id` or these two.
 */
export function applySuppressions(diagnostics: readonly Diagnostic[], runbooks: readonly Runbook[], rules: readonly Rule[]): Suppressed {
  const ids = rules.map((rule) => rule.id);
  const suppressible = new Set(rules.filter((rule) => (rule.scope === 'runbook' || rule.scope === 'collection') && !ABOUT_OTHERS.has(rule.id)).map((rule) => rule.id));
  const reachesByFile = new Map<string, readonly Reach[]>();
  const invalid: Finding[] = [];
  const crashed: { file: string; error: unknown }[] = [];
  for (const runbook of runbooks) {
    if (runbook.suppressions.length === 0) continue;
    try {
      const read = reachesOf(runbook, ids, suppressible);
      invalid.push(...read.invalid);
      reachesByFile.set(runbook.file, read.reaches);
    } catch (error: unknown) {
      crashed.push({ file: runbook.file, error });
    }
  }
  const used = new Set<Reach>();
  const kept = diagnostics.filter((diagnostic) => {
    if (!suppressible.has(diagnostic.ruleId)) return true;
    const covering = (reachesByFile.get(diagnostic.file) ?? []).filter((reach) => reach.rule === diagnostic.ruleId && reach.covers(diagnostic.span.start));
    for (const reach of covering) used.add(reach);
    return covering.length === 0;
  });
  const unused = [...reachesByFile].flatMap(([file, reaches]) =>
    reaches
      .filter((reach) => !used.has(reach))
      .map((reach) =>
        unusedSuppressionFinding('unused-suppression', { word: reach.word, rule: reach.rule }, { file, span: reach.span, subject: `${reach.word} ${reach.rule}` }),
      ),
  );
  return { kept, invalid, unused, crashed };
}

/** Where the comments of one runbook silence which rules, and the problems of those that cannot. */
function reachesOf(runbook: Runbook, ids: readonly string[], suppressible: ReadonlySet<string>): { reaches: readonly Reach[]; invalid: readonly Finding[] } {
  const reaches: Reach[] = [];
  const invalid: Finding[] = [];
  const file = runbook.file;
  /** Rule → the `runbook-disable` comment that silences it from its end on. */
  const open = new Map<string, Span>();
  for (const comment of runbook.suppressions) {
    if (comment.kind === 'malformed') {
      invalid.push(malformed(comment, file));
      continue;
    }
    const word = directiveWord(comment.kind);
    const at = { file, span: comment.span };
    const problems = comment.rules.flatMap((rule): Finding[] => {
      if (!ids.includes(rule)) {
        const suggestion = closest(rule, ids);
        const params = suggestion === undefined ? { word, rule } : { word, rule, suggestion };
        return [invalidSuppressionFinding('invalid-suppression/unknown-rule', params, { ...at, subject: rule, actual: rule, ...(suggestion === undefined ? {} : { expected: suggestion }) })];
      }
      if (!suppressible.has(rule)) return [invalidSuppressionFinding('invalid-suppression/not-suppressible', { word, rule }, { ...at, subject: rule, note: 'Only the rules that check runbooks can be suppressed: never `internal-error`, `unreadable-file`, the alert rules or the suppression rules.' })];
      if (comment.kind === 'enable' && !open.has(rule)) return [invalidSuppressionFinding('invalid-suppression/not-disabled', { rule }, { ...at, subject: rule })];
      const since = comment.kind === 'disable' ? open.get(rule) : undefined;
      if (since !== undefined) return [invalidSuppressionFinding('invalid-suppression/already-disabled', { rule, line: since.start.line }, { ...at, subject: rule })];
      return [];
    });
    if (comment.kind === 'enable') {
      // An enable closes what it can: ending fewer ranges than it names would silence more, not less.
      invalid.push(...problems);
      for (const rule of comment.rules) {
        const start = open.get(rule);
        if (start === undefined) continue;
        open.delete(rule);
        reaches.push({ rule, word: directiveWord('disable'), span: start, covers: (point) => after(point, start.end) && before(point, comment.span.start) });
      }
      continue;
    }
    if (problems.length > 0) {
      invalid.push(...problems.map((problem) => ({ ...problem, note: problem.note ?? NOTE })));
      continue;
    }
    for (const rule of comment.rules) {
      if (comment.kind === 'disable') open.set(rule, comment.span);
      else if (comment.kind === 'disable-next-line') reaches.push({ rule, word, span: comment.span, covers: (point) => point.line === comment.span.end.line + 1 });
      else reaches.push({ rule, word, span: comment.span, covers: () => true });
    }
  }
  for (const [rule, start] of open) reaches.push({ rule, word: directiveWord('disable'), span: start, covers: (point) => after(point, start.end) });
  return { reaches, invalid };
}

function malformed(comment: Extract<Suppression, { kind: 'malformed' }>, file: string): Finding {
  const at = { file, span: comment.span, note: NOTE };
  const problem = comment.problem;
  if (problem.kind === 'unknown-directive') {
    const { directive: word, suggestion } = problem;
    return suggestion === undefined
      ? invalidSuppressionFinding('invalid-suppression/unknown-directive', { word }, { ...at, subject: word, actual: word })
      : invalidSuppressionFinding('invalid-suppression/unknown-directive', { word, suggestion }, { ...at, subject: word, actual: word, expected: suggestion });
  }
  const word = directiveWord(problem.directive);
  return invalidSuppressionFinding(`invalid-suppression/${problem.kind}`, { word }, { ...at, subject: word });
}

function after(point: Point, start: Point): boolean {
  return point.line > start.line || (point.line === start.line && point.column >= start.column);
}

function before(point: Point, end: Point): boolean {
  return point.line < end.line || (point.line === end.line && point.column < end.column);
}
