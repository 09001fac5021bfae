import { finder, type MessageFormats, type Rule } from '../rule.js';

const messages = {
  /** `owner` is left out when the runbook names none. */
  'no-escalation': (p: { readonly severity: string; readonly owner?: string }) =>
    `No escalation path for a \`${p.severity}\` runbook; expected \`escalation\` in the runbook${p.owner === undefined ? '' : ` or contacts for team \`${p.owner}\` in the config`}`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/**
 * no-escalation: a runbook of one of the two most severe levels with no one to escalate to: no
 * `escalation` in the runbook and no contacts for its owning team in the config.
 */
export const noEscalation: Rule = {
  id: 'no-escalation',
  scope: 'runbook',
  category: 'completeness',
  defaultSeverity: 'error',
  summary: 'A runbook of the two most severe levels has no escalation path (neither its own nor its team\'s).',
  why: 'When the steps do not work, the on-call engineer must know who to wake next, without searching.',
  fix: 'Add `escalation:` (`{name, via, target}`) to the runbook, or `escalation` contacts to the owning team in the config.',
  examples: {
    ok: '---\nseverity: critical\nescalation:\n  - {name: DB on-call, via: pager, target: db-primary}\n---\n',
    notOk: '---\nseverity: critical\n---\n',
    reported: [{ at: '2:11' }],
  },
  messages,
  check(runbook, context) {
    const severity = runbook.severity;
    if (severity.kind !== 'given' || severity.value.rank > 1) return [];
    if (runbook.escalation.length > 0) return [];
    const teams = context.config.teams;
    const owner = runbook.owner.kind === 'given' ? runbook.owner.value : undefined;
    const team = teams.kind === 'listed' && owner !== undefined ? teams.byId.get(owner) : undefined;
    if (team !== undefined && team.escalation.length > 0) return [];
    const params = owner === undefined ? { severity: severity.value.id } : { severity: severity.value.id, owner };
    return [finding('no-escalation', params, { file: runbook.file, span: severity.span, subject: '' })];
  },
};
