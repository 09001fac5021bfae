/**
 * The drill record file as written (#15): one golden record for a human to review, the body's
 * escaping of hostile text, and the names of new record files.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DrillRecord } from '../../src/model/drill.js';
import { drillRecordFileName, formatDrillRecord, spokenSeconds } from '../../src/oncall/drill-record-text.js';
import { parseDrillRecord } from '../../src/parse/drill-record.js';
import { drillStep as step, SAMPLE_DRILL } from '../drill-record-sample.js';
import { PROJECT_ROOT } from '../shared.js';

const GOLDEN = join(PROJECT_ROOT, 'test', 'oncall', 'golden');

const RECORD: DrillRecord = {
  ...SAMPLE_DRILL,
  steps: [
    step(1, { text: 'Fail over to the replica', durationSeconds: 95, note: 'took longer than expected: the replica lagged', exitCode: 0, outputTail: ['promoting replica-2…', 'done in 91 s, run ```cat log``` for details'] }),
    step(2, { text: 'Point the app at the new primary (`db.internal`)', durationSeconds: 605, note: 'config | reload\nneeded a restart' }),
    step(3, { text: 'Check the error rate', status: 'skipped', durationSeconds: 0, note: 'yes' }),
    step(4, { text: 'Run the smoke test', durationSeconds: 25, exitCode: 1, outputTail: [] }),
  ],
};

describe('formatDrillRecord', () => {
  it('writes the frontmatter in the format order and a readable body (golden file)', async () => {
    await expect(formatDrillRecord(RECORD, 'Primary database down')).toMatchFileSnapshot(join(GOLDEN, 'drill-record.md'));
  });

  it('quotes a commit of digits only, or one YAML reads as a number, so it reads back as the same string', () => {
    for (const commit of ['3388310', '12e4567', '0123456']) {
      const text = formatDrillRecord({ ...RECORD, runbookCommit: commit });
      expect(text).toContain(`\nrunbook_commit: "${commit}"\n`);
      const read = parseDrillRecord(text);
      expect(read.kind === 'record' ? read.record.runbookCommit : read).toBe(commit);
    }
    expect(formatDrillRecord({ ...RECORD, runbookCommit: 'a1b2c3d' })).toContain('\nrunbook_commit: a1b2c3d\n');
  });

  it('leaves out the keys that have no value and titles the body with the id', () => {
    const text = formatDrillRecord({ ...RECORD, runbookCommit: undefined, environment: undefined, operator: undefined, outcome: 'failed', timeToRecoverSeconds: undefined, steps: [step(1, { status: 'failed' })] });
    expect(text.startsWith('---\nrunbook: database/primary-down\nstarted: 2026-12-05T01:02:03Z\nended: 2026-12-05T01:14:08Z\noutcome: failed\nsteps:\n  - step: 1\n')).toBe(true);
    expect(text).toContain('\n# Drill of database/primary-down: failed\n');
    expect(text).toContain('**Lasted:** 12 min 5 s');
  });

  it('writes no terminal control and no bidi mark anywhere in the file', () => {
    const hostile = 'a\u001b[31mred\u001b[0m \u001b]8;;http://x\u0007link\u001b]8;;\u0007 \u009b2J \u0007\u0000\u007f\u0085 \u202eevil\u2066 \rover';
    const text = formatDrillRecord({ ...RECORD, operator: hostile, steps: [step(1, { text: hostile, note: hostile, exitCode: 0, outputTail: [hostile] })] }, hostile);
    expect(text.replace(/[\n\t]/g, '')).not.toMatch(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/u);
    expect(text).toContain('ared link  \\u0007\\u0000\\u007f\\u0085 \\u202eevil\\u2066 \\rover');
  });

  it('keeps table cells whole and output fences closed whatever the text holds', () => {
    const text = formatDrillRecord({ ...RECORD, steps: [step(1, { text: 'a | b\nc', note: '<b>x</b> [l](u) *e* #', exitCode: 2, outputTail: ['````', '`'] })] });
    expect(text).toContain('| 1 | a \\| b c | done | 10 s | 2 | \\<b\\>x\\</b\\> \\[l\\](u) \\*e\\* \\# |');
    expect(text).toContain('\n`````text\n````\n`\n`````\n');
  });
});

describe('drillRecordFileName', () => {
  it('names the first record of a day after the day, later ones -2, -3, …', () => {
    expect(drillRecordFileName('2026-12-05', () => false)).toBe('2026-12-05.md');
    const taken = new Set(['2026-12-05.md', '2026-12-05-2.md']);
    expect(drillRecordFileName('2026-12-05', (name) => taken.has(name))).toBe('2026-12-05-3.md');
  });
});

describe('spokenSeconds', () => {
  it('says seconds, minutes and hours as people do', () => {
    expect([0, 45, 725, 3725].map(spokenSeconds)).toEqual(['0 s', '45 s', '12 min 5 s', '1 h 2 min 5 s']);
  });
});
