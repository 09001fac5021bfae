import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/parse/config.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { collectionView } from '../../src/view/collection-view.js';
import type { ReviewView } from '../../src/view/review.js';
import { runbookStatus } from '../../src/view/status.js';
import { runbookOf, TODAY } from '../helpers.js';

const CONFIG = { dueSoonDays: 14 };
const tested = (daysLeft: number): ReviewView => ({ kind: 'tested', lastTested: '2026-01-01', due: '2026-07-01', daysLeft, interval: '6 months' });

function diagnostic(ruleId: string, severity: Diagnostic['severity']): Diagnostic {
  const point = { line: 1, column: 1 };
  return { file: 'a.md', span: { start: point, end: point }, ruleId, code: ruleId, params: {}, subject: '', severity, message: ruleId };
}

const allOn = (): boolean => true;
const off =
  (...ids: string[]) =>
  (id: string): boolean =>
    !ids.includes(id);

describe('runbookStatus', () => {
  it('says never tested and stale while their rules are on', () => {
    expect(runbookStatus({ kind: 'never-tested' }, [], CONFIG, allOn).kind).toBe('never-tested');
    expect(runbookStatus(tested(-3), [], CONFIG, allOn).kind).toBe('stale');
  });

  it('does not say never tested or stale when their rules are off: the review is not tracked', () => {
    expect(runbookStatus({ kind: 'never-tested' }, [], CONFIG, off('never-tested')).kind).toBe('untracked');
    expect(runbookStatus(tested(-3), [], CONFIG, off('stale')).kind).toBe('untracked');
  });

  it('is incomplete only when a rule that is on reports an error', () => {
    expect(runbookStatus(tested(100), [diagnostic('broken-link', 'error')], CONFIG, allOn).kind).toBe('incomplete');
    expect(runbookStatus(tested(100), [diagnostic('broken-link', 'warning')], CONFIG, allOn).kind).toBe('fresh');
    expect(runbookStatus({ kind: 'unknown' }, [diagnostic('required-field', 'error')], CONFIG, allOn).kind).toBe('incomplete');
  });

  it('is not tracked, not incomplete, without a test date or an interval and no problem reported', () => {
    const unknown = runbookStatus({ kind: 'unknown' }, [], CONFIG, allOn);
    expect(unknown).toMatchObject({ kind: 'untracked', label: 'Not tracked', problems: [] });
    expect(runbookStatus({ kind: 'no-interval', lastTested: '2026-01-01' }, [], CONFIG, allOn)).toMatchObject({ kind: 'untracked', lastTested: '2026-01-01' });
  });

  it('says due soon only while due-soon is on', () => {
    expect(runbookStatus(tested(3), [], CONFIG, allOn).kind).toBe('due-soon');
    expect(runbookStatus(tested(3), [], CONFIG, off('due-soon')).kind).toBe('fresh');
  });
});

describe('the status in the collection view', () => {
  const text = '---\ntitle: Disk full\n---\n## Recovery\n\nFree some space.\n';

  it('reads whether a rule is on from the config (rules: off) and the rule defaults', () => {
    const runbook = runbookOf(text);
    const base = defaultConfig('/runbooks');
    expect(collectionView([runbook], [], base, TODAY, { kind: 'none' }).runbooks[0]?.status.kind).toBe('untracked');
    const never = runbookOf('---\ntitle: Disk full\nlast_tested: never\n---\n');
    expect(collectionView([never], [], base, TODAY, { kind: 'none' }).runbooks[0]?.status.kind).toBe('never-tested');
    // Each runbook keeps the settings of the config it was parsed with (rules per folder: docs/overrides.md).
    const off = { ...base, rules: new Map([['never-tested', 'off' as const]]) };
    const neverOff = runbookOf('---\ntitle: Disk full\nlast_tested: never\n---\n', off);
    expect(collectionView([neverOff], [], off, TODAY, { kind: 'none' }).runbooks[0]?.status.kind).toBe('untracked');
  });
});
