/**
 * The frontmatter keys a collection uses, matched to the keys this tool reads: which of theirs to
 * read as ours (`fields:`), and which to accept unread (`extra_keys:`). A mapping that changes what
 * the value means (a review date read as a test date) says so, for the comment in the config.
 */
import { CANONICAL_KEYS, type CanonicalKey } from '../model/config.js';
import type { Count } from './detect-markdown-facts.js';

/** One of our keys read from one of theirs. */
export interface FieldMapping {
  readonly ours: CanonicalKey;
  readonly theirs: string;
  readonly files: number;
  /** What the mapping changes in meaning, when it does. */
  readonly note: string | undefined;
}

/** How the collection's keys meet ours. */
export interface FieldMatch {
  readonly mappings: readonly FieldMapping[];
  /** Their keys this tool does not read, most used first. */
  readonly extraKeys: readonly string[];
  /** For each of our keys, how many runbooks give it (as ours or through a mapping). */
  readonly given: Readonly<Record<CanonicalKey, number>>;
}

/** Their key names for each of ours, in order of preference, with what reading them as ours changes. */
const SYNONYMS: Readonly<Partial<Record<CanonicalKey, readonly { readonly key: string; readonly note?: string }[]>>> = {
  title: [{ key: 'name' }],
  owner: [{ key: 'team' }, { key: 'owner_team' }, { key: 'owners' }, { key: 'owner_slack', note: 'a Slack channel, read as the owning team' }],
  service: [{ key: 'component' }, { key: 'system' }, { key: 'app' }, { key: 'application' }],
  last_tested: [
    { key: 'last_tested_on' },
    { key: 'tested_on' },
    { key: 'last_drill' },
    { key: 'last_reviewed_on', note: 'reviewed is not tested: the date the page was last read through, read as the date its steps were last exercised' },
    { key: 'last_reviewed', note: 'reviewed is not tested: the date the page was last read through, read as the date its steps were last exercised' },
    { key: 'reviewed_on', note: 'reviewed is not tested: the date the page was last read through, read as the date its steps were last exercised' },
  ],
  review_every: [{ key: 'review_in', note: 'their interval until the next review, read as how often the steps must be exercised' }, { key: 'review_interval' }],
  alerts: [{ key: 'alert' }, { key: 'alert_names' }, { key: 'alertname' }],
  tags: [{ key: 'keywords' }, { key: 'labels' }],
};

/** Matches `keys` (their keys, each with the number of runbooks using it) to ours. */
export function matchFields(keys: readonly Count[]): FieldMatch {
  const used = new Map(keys.map((key) => [key.name, key.files]));
  const mappings: FieldMapping[] = [];
  for (const ours of CANONICAL_KEYS) {
    if (used.has(ours)) continue;
    const theirs = (SYNONYMS[ours] ?? []).find((synonym) => used.has(synonym.key) && !(CANONICAL_KEYS as readonly string[]).includes(synonym.key));
    if (theirs !== undefined) mappings.push({ ours, theirs: theirs.key, files: used.get(theirs.key) ?? 0, note: theirs.note });
  }
  const read = new Set<string>([...CANONICAL_KEYS.filter((key) => used.has(key)), ...mappings.map((mapping) => mapping.theirs)]);
  const given = Object.fromEntries(
    CANONICAL_KEYS.map((ours) => [ours, used.get(mappings.find((mapping) => mapping.ours === ours)?.theirs ?? ours) ?? 0]),
  ) as Record<CanonicalKey, number>;
  return { mappings, extraKeys: keys.filter((key) => !read.has(key.name) && !(CANONICAL_KEYS as readonly string[]).includes(key.name)).map((key) => key.name), given };
}
