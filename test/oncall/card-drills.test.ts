import { describe, expect, it } from 'vitest';
import { cardText } from '../../src/oncall/card-text.js';
import { cardOf } from '../../src/oncall/card.js';
import { defaultConfig } from '../../src/parse/config.js';
import { palette } from '../../src/report/ansi.js';
import { collectionView } from '../../src/view/collection-view.js';
import { drillFile, runbookWithId } from '../drill-records.js';
import { TODAY } from '../helpers.js';

const TEXT = ['---', 'title: Primary down', 'owner: data', 'severity: high', 'last_tested: 2026-11-01', 'recovery:', '  - step: Fail over', '---', ''].join('\n');

describe('the show card and drills', () => {
  it('says how long recovery typically took in drills, and nothing without drills', () => {
    const runbook = runbookWithId('db', TEXT);
    const drilled = collectionView([runbook], [], defaultConfig('/runbooks'), TODAY, { kind: 'none' }, undefined, [drillFile('db', '2026-11-01T10:00:00Z', 'recovered', 720)]);
    const [view] = drilled.runbooks;
    if (view === undefined) throw new Error('no view');
    expect(cardText(cardOf(view), palette(false))).toContain('\nDrills    typically recovered in 12 min (last drill)\n');
    const [bare] = collectionView([runbook], [], defaultConfig('/runbooks'), TODAY, { kind: 'none' }).runbooks;
    if (bare === undefined) throw new Error('no view');
    expect(cardText(cardOf(bare), palette(false))).not.toContain('Drills');
  });
});
