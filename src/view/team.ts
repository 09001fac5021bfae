import type { Config } from '../model/config.js';
import { teamOf } from '../model/team-lookup.js';
import type { Contact, Runbook } from '../model/runbook.js';

/** The owning team as the outputs show it (only the id when the config does not list it). */
export interface OwnerView {
  readonly id: string;
  readonly name: string;
  readonly chat: string | undefined;
}

/** The owner of a runbook, named as the config names its team. */
export function ownerView(runbook: Runbook, config: Pick<Config, 'teams'>): OwnerView | undefined {
  if (runbook.owner.kind !== 'given') return undefined;
  const id = runbook.owner.value;
  const team = teamOf(id, config);
  return { id, name: team?.name ?? id, chat: team?.chat };
}

/** Whom to call, in order: the runbook's own list, else its team's; `none` when neither has one. */
export interface EscalationView {
  readonly source: 'runbook' | 'team' | 'none';
  readonly contacts: readonly Contact[];
}

/** The escalation of a runbook. */
export function escalationView(runbook: Runbook, config: Pick<Config, 'teams'>): EscalationView {
  if (runbook.escalation.length > 0) return { source: 'runbook', contacts: runbook.escalation };
  const team = teamOf(runbook.owner.kind === 'given' ? runbook.owner.value : undefined, config);
  return team !== undefined && team.escalation.length > 0 ? { source: 'team', contacts: team.escalation } : { source: 'none', contacts: [] };
}
