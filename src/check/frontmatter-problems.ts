import type { FrontmatterProblem, Runbook } from '../model/runbook.js';

/** The problems of one kind the parser found in a runbook's frontmatter (none when it did not parse). */
export function problemsOf<K extends FrontmatterProblem['kind']>(
  runbook: Runbook,
  kind: K,
): readonly Extract<FrontmatterProblem, { readonly kind: K }>[] {
  if (runbook.frontmatter.kind !== 'parsed') return [];
  return runbook.frontmatter.problems.filter((problem): problem is Extract<FrontmatterProblem, { readonly kind: K }> => problem.kind === kind);
}
