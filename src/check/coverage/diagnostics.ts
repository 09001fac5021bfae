import type { Config } from '../../model/config.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { CoverageFinding } from './coverage.js';
import { COVERAGE_RULES } from './rules.js';

/** The coverage findings as diagnostics, each with its rule's configured severity (`rules:`); rules set to `off` drop theirs. */
export function coverageDiagnostics(findings: readonly CoverageFinding[], config: Config): readonly Diagnostic[] {
  return findings.flatMap((finding): Diagnostic[] => {
    const rule = COVERAGE_RULES.find((candidate) => candidate.id === finding.ruleId);
    const setting = config.rules.get(finding.ruleId) ?? rule?.defaultSeverity ?? 'error';
    return setting === 'off' ? [] : [{ ...finding, severity: setting }];
  });
}
