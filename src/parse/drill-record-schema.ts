/**
 * The frontmatter of a drill record file as written (snake_case keys), as one zod schema: the reader
 * (`drill-record.ts`) validates with it and `runbook schema drill` prints the JSON Schema generated
 * from it, so the two cannot disagree. Each check's error message is the form expected, which the
 * reader quotes with the value found. Checks across keys (ended after started, time to recover only
 * for a recovered drill and equal to ended − started, steps numbered 1..n) are the reader's, with their places in the file.
 */
import { z } from 'zod';
import { parseCalendarDate } from '../model/calendar-date.js';
import { DRILL_OUTCOMES, DRILL_STEP_STATUSES, UTC_INSTANT } from '../model/drill.js';

/** Largest record file read, in characters (UTF-16 code units): 10 MiB, most of it the body (output lines), which is not parsed. */
export const MAX_RECORD_CHARACTERS = 10 * 1024 * 1024;

/**
 * Largest frontmatter parsed, in characters: 2 MiB. Why: the `yaml` package keeps about 200 bytes
 * per character of a block of many keys and reads about a megabyte a second, so 10 MiB of steps
 * would take 2 GB and many seconds; a record of a hundred steps with notes is a few KB.
 */
export const MAX_RECORD_FRONTMATTER = 2 * 1024 * 1024;

/** Most steps a record holds: 100,000 (a runbook has tens). */
export const MAX_STEPS = 100_000;

/**
 * Longest text value (the runbook id, a step's text, a note), in characters (UTF-16 code units):
 * 2,000. Every output (the site, `catalog.json`, `due`) shows what the reader accepts, so a hostile
 * record cannot put a megabyte into each of them.
 */
export const MAX_TEXT = 2_000;

/** Longest name (`operator`, `environment`), in characters: 200 (a name, not a paragraph). */
export const MAX_NAME = 200;

const quoted = (values: readonly string[]): string => values.map((value) => `\`${value}\``).join(', ').replace(/, ([^,]*)$/, ' or $1');

const EXPECTED_TEXT = `text of at most ${MAX_TEXT} characters`;
const EXPECTED_SECONDS = 'whole seconds, 0 or more';
const EXPECTED_INSTANT = 'a UTC instant `YYYY-MM-DDTHH:MM:SSZ` on a real day';

const text = z.string({ error: EXPECTED_TEXT }).max(MAX_TEXT, { error: EXPECTED_TEXT });
const EXPECTED_NAME = `text of at most ${MAX_NAME} characters`;
const name = z.string({ error: EXPECTED_NAME }).max(MAX_NAME, { error: EXPECTED_NAME });
const nonBlank = text.regex(/\S/, { error: 'text that is not blank' });
const seconds = z.number({ error: EXPECTED_SECONDS }).int({ error: EXPECTED_SECONDS }).min(0, { error: EXPECTED_SECONDS });
const instant = z
  .string({ error: EXPECTED_INSTANT })
  .regex(UTC_INSTANT, { error: EXPECTED_INSTANT })
  .refine((value) => parseCalendarDate(value.slice(0, 10)) !== undefined, { error: EXPECTED_INSTANT });

const step = z
  .strictObject({
    step: z.number({ error: 'the step number' }).int({ error: 'the step number' }).min(1, { error: 'the step number' }).describe("The step's number in the runbook's recovery steps, from 1, in order."),
    text: text.describe("The step's text as the runbook said it when drilled."),
    status: z.enum(DRILL_STEP_STATUSES, { error: quoted(DRILL_STEP_STATUSES) }).describe('What became of the step; `not-reached`: the drill stopped before it.'),
    duration_seconds: seconds.describe('Whole seconds spent on the step (0 when not reached).'),
    note: text.optional().describe('What the operator wrote about the step.'),
    exit_code: z.number({ error: 'a whole number' }).int({ error: 'a whole number' }).optional().describe("The exit code of the step's command, when `runbook drill --exec` ran it."),
  })
  .describe('One recovery step as drilled.');

/** The frontmatter of a drill record file, as written. */
export const drillRecordSchema = z
  .strictObject({
    runbook: nonBlank.describe('The id of the runbook drilled.'),
    runbook_commit: z
      .string({ error: 'a commit hash: 4 to 64 hexadecimal digits' })
      .regex(/^[0-9a-f]{4,64}$/, { error: 'a commit hash: 4 to 64 hexadecimal digits' })
      .optional()
      .describe('The commit checked out when the drill ran (left out outside git).'),
    environment: name.optional().describe('Where the drill ran (`staging`, `prod`, …) as the operator named it.'),
    operator: name.optional().describe('Who ran the drill.'),
    started: instant.describe('When the drill started, UTC, whole seconds: `YYYY-MM-DDTHH:MM:SSZ`.'),
    ended: instant.describe('When the drill ended, UTC, whole seconds; not before `started`.'),
    outcome: z.enum(DRILL_OUTCOMES, { error: quoted(DRILL_OUTCOMES) }).describe('`recovered`: no step failed and none was left; `failed`: a step failed; `aborted`: stopped before the end.'),
    time_to_recover_seconds: seconds.optional().describe('Whole seconds from start to end (`ended` − `started`: `runbook check` checks it, this schema cannot express arithmetic); present exactly when `outcome` is `recovered`.'),
    steps: z.array(step, { error: 'a list of steps' }).max(MAX_STEPS, { error: `at most ${MAX_STEPS} steps` }).describe("The runbook's recovery steps, in order, as drilled."),
  })
  .describe('The YAML frontmatter of a drill record file (`drills/<runbook id>/<YYYY-MM-DD>[-n].md`), written by `runbook drill`. See docs/format.md.');

/** A record's frontmatter as the schema accepts it. */
export type WrittenDrillRecord = z.infer<typeof drillRecordSchema>;
