import { finder, type MessageFormats, type Rule } from '../rule.js';
import { closest } from '../../parse/closest.js';

const messages = {
  /** `teams` as shown (`` `a`, `b` ``); `suggestion` is left out when no team id is close. */
  'unknown-owner': (p: { readonly owner: string; readonly teams: string; readonly suggestion?: string }) =>
    `Unknown owner \`${p.owner}\`; ${p.suggestion === undefined ? `expected one of ${p.teams}` : `did you mean \`${p.suggestion}\`?`}`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/** unknown-owner: `owner` is not one of the teams the config lists. */
export const unknownOwner: Rule = {
  id: 'unknown-owner',
  scope: 'runbook',
  category: 'consistency',
  defaultSeverity: 'error',
  summary: 'The owner is not a team listed in the config.',
  why: 'The owner decides who gets paged and whose cheat sheet lists the runbook; a typo sends it nowhere.',
  fix: 'Use one of the team ids from the config, or add the team to `teams`.',
  examples: {
    ok: { 'runbook.config.yaml': 'teams:\n  storage: {name: Storage}\n', 'disk.md': '---\nowner: storage\n---\n' },
    notOk: { 'runbook.config.yaml': 'teams:\n  storage: {name: Storage}\n', 'disk.md': '---\nowner: storag\n---\n' },
    reported: [{ at: 'disk.md:2:8' }],
  },
  messages,
  check(runbook, context) {
    const teams = context.config.teams;
    const owner = runbook.owner;
    if (teams.kind !== 'listed' || owner.kind !== 'given' || teams.byId.has(owner.value)) return [];
    const ids = [...teams.byId.keys()];
    const suggestion = closest(owner.value, ids);
    const teamsShown = ids.map((id) => `\`${id}\``).join(', ');
    const params = suggestion === undefined ? { owner: owner.value, teams: teamsShown } : { owner: owner.value, teams: teamsShown, suggestion };
    return [finding('unknown-owner', params, { file: runbook.file, span: owner.span, subject: owner.value, actual: owner.value, expected: ids.join(', ') })];
  },
};
