import type { FrontmatterProblem, Runbook } from '../model/runbook.js';

/**
 * The problems of one kind the parser found in a runbook's frontmatter, or in the config's defaults
 * standing in for a frontmatter the file does not have (none when the block did not parse).
 */
export function problemsOf<K extends FrontmatterProblem['kind']>(
  runbook: Runbook,
  kind: K,
): readonly Extract<FrontmatterProblem, { readonly kind: K }>[] {
  if (runbook.frontmatter.kind !== 'parsed' && runbook.frontmatter.kind !== 'defaulted') return [];
  return runbook.frontmatter.problems.filter((problem): problem is Extract<FrontmatterProblem, { readonly kind: K }> => problem.kind === kind);
}
