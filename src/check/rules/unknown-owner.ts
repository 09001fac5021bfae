import type { Rule } from '../rule.js';
import { closest } from '../../parse/closest.js';

/** unknown-owner: `owner` is not one of the teams the config lists. */
export const unknownOwner: Rule = {
  id: 'unknown-owner',
  scope: 'runbook',
  category: 'consistency',
  defaultSeverity: 'error',
  summary: 'The owner is not a team listed in the config.',
  why: 'The owner decides who gets paged and whose cheat sheet lists the runbook; a typo sends it nowhere.',
  fix: 'Use one of the team ids from the config, or add the team to `teams`.',
  check(runbook, context) {
    const teams = context.config.teams;
    const owner = runbook.owner;
    if (teams.kind !== 'listed' || owner.kind !== 'given' || teams.byId.has(owner.value)) return [];
    const ids = [...teams.byId.keys()];
    const suggestion = closest(owner.value, ids);
    return [
      {
        file: runbook.file,
        span: owner.span,
        message: `Unknown owner \`${owner.value}\`; ${suggestion === undefined ? `expected one of ${ids.map((id) => `\`${id}\``).join(', ')}` : `did you mean \`${suggestion}\`?`}`,
        actual: owner.value,
        expected: ids.join(', '),
      },
    ];
  },
};
