import { MAX_NAME, MAX_RECORD_CHARACTERS, MAX_RECORD_FRONTMATTER, MAX_STEPS, MAX_TEXT } from '../../parse/drill-record-schema.js';
import { type MessageFormats, type Rule } from '../rule.js';

const count = (value: number): string => value.toLocaleString('en');

/** A key as messages name it: `outcome`, `steps.2.status`; the file or the frontmatter as a whole in words. */
const keyText = (key: string): string => (key.startsWith('the ') ? key : `\`${key}\``);

const messages = {
  'drill-record/no-frontmatter': () => 'No frontmatter: a drill record starts with a `---` line, its keys, then a `---` line, as `runbook drill` writes it',
  'drill-record/yaml': (p: { readonly message: string }) => `The record's frontmatter is not valid YAML: ${p.message}`,
  'drill-record/duplicate-key': (p: { readonly key: string }) => `\`${p.key}\` is written twice; keep one`,
  /** `outcome` is given when the key is required by the outcome (`time_to_recover_seconds` of a `recovered` drill). */
  'drill-record/missing': (p: { readonly key: string; readonly outcome?: string }) =>
    p.outcome === undefined ? `\`${p.key}\` is missing (required)` : `\`${p.key}\` is missing: a \`${p.outcome}\` drill has one`,
  'drill-record/invalid': (p: { readonly key: string; readonly value: string; readonly expected: string }) =>
    `${keyText(p.key)} is \`${p.value}\`, expected ${p.expected}`,
  /** `likely` is left out when no key of the format is close. */
  'drill-record/unknown-key': (p: { readonly key: string; readonly likely?: string }) =>
    `Unknown key \`${p.key}\` in a drill record${p.likely === undefined ? '' : `; did you mean \`${p.likely}\`?`}`,
  'drill-record/unknown-runbook': (p: { readonly runbook: string }) => `The record is of \`${p.runbook}\`, which is no runbook of the collection`,
  'drill-record/misplaced': (p: { readonly runbook: string; readonly folder: string }) =>
    `The record of \`${p.runbook}\` is in the folder \`${p.folder}\` of the drills folder, expected \`${p.runbook}\``,
  /** `ended` is given when the drill started by today but ends after it. */
  'drill-record/future': (p: { readonly started: string; readonly ended?: string; readonly today: string }) =>
    p.ended === undefined ? `The drill starts at ${p.started}, after today (${p.today}, UTC)` : `The drill ends at ${p.ended}, after today (${p.today}, UTC)`,
} satisfies MessageFormats;

/**
 * drill-record: a drill record file (`drills/<runbook id>/<YYYY-MM-DD>[-n].md`) that cannot be read
 * as a record: no frontmatter, broken YAML, a key missing, repeated or unknown, a value of the wrong
 * form, keys that disagree (ended before started, a time to recover on a drill that did not
 * recover, steps not numbered 1..n), a file over the size caps (see `why`); or a record
 * of no runbook, filed in another runbook's folder, or starting (or ending) after today. Such a record does not
 * count: not for `drill-failed`, `unrecorded-test`, the site or `due`. Reported by the loader: the
 * variants of the file's content by `parseDrillRecord` (src/parse/drill-record.ts), the others
 * where the collection is known (src/check/drill-records.ts).
 */
export const drillRecord: Rule = {
  id: 'drill-record',
  scope: 'loader',
  category: 'file',
  defaultSeverity: 'error',
  summary: 'A drill record file that cannot be read as a record, or that names no runbook, sits in another runbook\'s folder or starts after today.',
  why:
    'A record is the evidence that a runbook was drilled; one that cannot be read, or is filed under the wrong runbook, would silently not count (or count for the wrong runbook) in `check`, the site and `due`. ' +
    `Sizes are capped so that a hostile record cannot stall a run: at most ${count(MAX_RECORD_CHARACTERS)} characters in a file, ${count(MAX_RECORD_FRONTMATTER)} in its frontmatter, ${count(MAX_STEPS)} steps, ${count(MAX_TEXT)} characters in one text and ${count(MAX_NAME)} in \`operator\` or \`environment\` (so that no output shows a megabyte of one name).`,
  fix: 'Correct the key or value the message names (records are written by `runbook drill`; compare with a fresh one or `runbook schema drill`), or move the file to `<drills folder>/<runbook id>/`.',
  examples: {
    ok: {
      'db.md': '---\nlast_tested: 2026-11-02\n---\n',
      'drills/db/2026-11-02.md':
        '---\nrunbook: db\nstarted: 2026-11-02T10:00:00Z\nended: 2026-11-02T10:12:00Z\noutcome: recovered\ntime_to_recover_seconds: 720\nsteps:\n  - step: 1\n    text: Fail over\n    status: done\n    duration_seconds: 720\n---\n',
    },
    notOk: {
      'db.md': '---\nlast_tested: 2026-11-02\n---\n',
      'drills/db/2026-11-02.md':
        '---\nrunbook: db\nstarted: 2026-11-02T10:00:00Z\nended: 2026-11-02T10:12:00Z\noutcom: recovered\ntime_to_recover_seconds: 720\nsteps:\n  - step: 1\n    text: Fail over\n    status: dne\n    duration_seconds: 720\n---\n',
    },
    reported: [
      { at: 'drills/db/2026-11-02.md:5:1', code: 'drill-record/unknown-key' },
      { at: 'drills/db/2026-11-02.md:10:13', code: 'drill-record/invalid' },
    ],
  },
  messages,
};
