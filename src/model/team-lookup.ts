import type { Config, Team } from './config.js';

/** The team with this id in the config; undefined when the config lists no teams or not this one. */
export function teamOf(id: string | undefined, config: Pick<Config, 'teams'>): Team | undefined {
  return id !== undefined && config.teams.kind === 'listed' ? config.teams.byId.get(id) : undefined;
}
