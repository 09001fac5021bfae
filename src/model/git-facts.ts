import type { CalendarDate } from './calendar-date.js';

/** What git says about the runbooks, read once per run by the shell. */
export type GitFacts =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'repository';
      readonly shallow: boolean;
      /** Absolute path → the day of the last commit that touched it (UTC). */
      readonly lastEdited: ReadonlyMap<string, CalendarDate>;
    };
