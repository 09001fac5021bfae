import type { Heading } from '../model/runbook.js';

/** A heading of the body with where its section is among the root's children. */
export interface SectionAt {
  /** The heading's index among the root's children. */
  readonly index: number;
  /** The index where its section ends: the next heading of the same or a higher level, or the end. */
  readonly end: number;
  readonly heading: Heading;
}

/** A heading numbered as a step: `1. Check the logs`. */
const NUMBERED = /^(\d{1,9})\.\s/;

/**
 * The first run of sibling sections whose headings are numbered 1., 2., 3. … in order, at least two
 * of them (`## 1. Ensure the server is running`, `## 2. Check the logs`): how GitLab's runbooks write
 * their steps when they have no recovery section. Siblings follow one another directly, at the same
 * level; the run ends at the first sibling that is not numbered next. Empty when there is none.
 */
export function numberedRun(sections: readonly SectionAt[]): readonly SectionAt[] {
  const byIndex = new Map(sections.map((section) => [section.index, section]));
  for (const first of sections) {
    if (numberOf(first) !== 1) continue;
    const run = [first];
    let next = byIndex.get(first.end);
    while (next !== undefined && next.heading.depth === first.heading.depth && numberOf(next) === run.length + 1) {
      run.push(next);
      next = byIndex.get(next.end);
    }
    if (run.length >= 2) return run;
  }
  return [];
}

function numberOf(section: SectionAt): number | undefined {
  const match = NUMBERED.exec(section.heading.text);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
