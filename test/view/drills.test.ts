import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/parse/config.js';
import { collectionView } from '../../src/view/collection-view.js';
import { collectionDrills, formatSeconds, groupRecoveryTime, runbookDrills, typicalRecoveryText } from '../../src/view/drills.js';
import { drillFile, runbookWithId } from '../drill-records.js';
import { TODAY } from '../helpers.js';

const runbook = (id: string, owner: string, lastTested: string): string =>
  ['---', `title: ${id}`, `owner: ${owner}`, 'severity: high', `last_tested: ${lastTested}`, 'recovery:', '  - step: Restart it', '---', ''].join('\n');

describe('formatSeconds', () => {
  it('writes durations for people', () => {
    expect([0, 45, 60, 270, 599, 720, 750, 3540, 3600, 3900, 7260].map(formatSeconds)).toEqual([
      '0 s', '45 s', '1 min', '4 min 30 s', '9 min 59 s', '12 min', '13 min', '59 min', '1 h', '1 h 5 min', '2 h 1 min',
    ]);
  });
});

describe('runbookDrills', () => {
  it('lists the history newest first and takes the median of the last three recovered drills', () => {
    const drills = runbookDrills([
      drillFile('db', '2026-01-01T10:00:00Z', 'recovered', 3000),
      drillFile('db', '2026-03-01T10:00:00Z', 'recovered', 1800),
      drillFile('db', '2026-05-01T10:00:00Z', 'failed', 600),
      drillFile('db', '2026-04-01T10:00:00Z', 'recovered', 720),
      drillFile('db', '2026-06-01T10:00:00Z', 'recovered', 900),
    ]);
    expect(drills.history.map((drill) => drill.day)).toEqual(['2026-06-01', '2026-05-01', '2026-04-01', '2026-03-01', '2026-01-01']);
    expect([drills.latest?.outcomeLabel, drills.latest?.timeToRecover]).toEqual(['Recovered', '15 min']);
    expect([drills.history[1]?.outcomeLabel, drills.history[1]?.timeToRecover]).toEqual(['Failed', undefined]);
    // 900, 720 and 1800: the 3000 s drill is older than the last three recovered.
    expect(drills.typical).toEqual({ seconds: 900, text: '15 min', over: 3 });
    expect(typicalRecoveryText(drills.typical ?? { seconds: 0, text: '', over: 0 })).toBe('typically recovered in 15 min (last 3 drills)');
  });

  it('says over how many drills when fewer than three recovered, and has no typical time when none did', () => {
    const one = runbookDrills([drillFile('db', '2026-01-01T10:00:00Z', 'recovered', 720), drillFile('db', '2026-02-01T10:00:00Z', 'aborted', 60)]);
    expect(one.typical).toEqual({ seconds: 720, text: '12 min', over: 1 });
    expect(typicalRecoveryText(one.typical ?? { seconds: 0, text: '', over: 0 })).toBe('typically recovered in 12 min (last drill)');
    const two = runbookDrills([drillFile('db', '2026-01-01T10:00:00Z', 'recovered', 600), drillFile('db', '2026-02-01T10:00:00Z', 'recovered', 901)]);
    expect(two.typical).toEqual({ seconds: 751, text: '13 min', over: 2 });
    expect(runbookDrills([drillFile('db', '2026-01-01T10:00:00Z', 'failed', 600)]).typical).toBeUndefined();
    expect(runbookDrills([])).toEqual({ history: [], latest: undefined, typical: undefined });
  });
});

describe('groupRecoveryTime', () => {
  it("is the median over each runbook's latest recovered drill", () => {
    const a = runbookDrills([drillFile('a', '2026-01-01T10:00:00Z', 'recovered', 100), drillFile('a', '2026-02-01T10:00:00Z', 'recovered', 300)]);
    const b = runbookDrills([drillFile('b', '2026-01-01T10:00:00Z', 'recovered', 1000), drillFile('b', '2026-03-01T10:00:00Z', 'failed', 5)]);
    const c = runbookDrills([drillFile('c', '2026-01-01T10:00:00Z', 'recovered', 2000)]);
    const never = runbookDrills([drillFile('d', '2026-01-01T10:00:00Z', 'aborted', 9)]);
    expect(groupRecoveryTime([a, b, c, never])).toEqual({ seconds: 1000, text: '17 min', over: 3 });
    expect(groupRecoveryTime([never])).toBeUndefined();
  });
});

describe('collectionView with drills', () => {
  const config = defaultConfig('/runbooks');
  const runbooks = [runbookWithId('db', runbook('db', 'data', '2026-10-01')), runbookWithId('web', runbook('web', 'data', '2026-01-01')), runbookWithId('cache', runbook('cache', 'ops', '2026-11-01'))];
  const drills = [
    drillFile('db', '2026-10-01T10:00:00Z', 'recovered', 720),
    drillFile('web', '2026-06-01T09:00:00Z', 'recovered', 1500),
    drillFile('web', '2026-05-01T09:00:00Z', 'failed', 100),
    drillFile('gone', '2026-11-01T09:00:00Z', 'recovered', 10),
  ];
  const view = collectionView(runbooks, [], config, TODAY, { kind: 'none' }, undefined, drills);

  it("gives each runbook its own drills and leaves out records of runbooks it doesn't have", () => {
    expect(view.runbooks.map((entry) => [entry.runbook.id, entry.drills.history.length])).toEqual([['cache', 0], ['db', 1], ['web', 2]]);
    expect(view.drills.recent.map(({ entry, drill }) => `${entry.runbook.id} ${drill.day}`)).toEqual(['db 2026-10-01', 'web 2026-06-01', 'web 2026-05-01']);
  });

  it('gives teams the median of their runbooks and lists what falls due, overdue first', () => {
    expect(view.teams.map((team) => [team.key, team.recovery?.text, team.recovery?.over])).toEqual([['data', '19 min', 2], ['ops', undefined, undefined]]);
    expect(view.drills.dueNext.map((due) => [due.entry.runbook.id, due.daysLeft < 0])).toEqual([['web', true], ['db', false], ['cache', false]]);
    expect(view.drills.dueCount).toBe(3);
  });

  it('caps the recent drills at thirty', () => {
    const many = Array.from({ length: 40 }, (_, index) => drillFile('db', `2026-01-${String(index % 28 + 1).padStart(2, '0')}T${String(10 + Math.floor(index / 28)).padStart(2, '0')}:00:00Z`, 'recovered', 60));
    expect(collectionDrills(collectionView(runbooks, [], config, TODAY, { kind: 'none' }, undefined, many).runbooks).recent).toHaveLength(30);
  });
});
