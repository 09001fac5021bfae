import type { FrontmatterProblem, Runbook } from '../model/runbook.js';
import type { Finding } from './rule.js';

/** The problems of one kind the parser found in a runbook's frontmatter (none when it did not parse). */
export function problemsOf<K extends FrontmatterProblem['kind']>(
  runbook: Runbook,
  kind: K,
): readonly Extract<FrontmatterProblem, { readonly kind: K }>[] {
  if (runbook.frontmatter.kind !== 'parsed') return [];
  return runbook.frontmatter.problems.filter((problem): problem is Extract<FrontmatterProblem, { readonly kind: K }> => problem.kind === kind);
}

/** A finding on the runbook's file: the rules that report parser problems all make them this way. */
export function findingOn(runbook: Runbook, finding: Omit<Finding, 'file'>): Finding {
  return { file: runbook.file, ...finding };
}
