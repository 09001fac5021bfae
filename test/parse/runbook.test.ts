import { describe, expect, it } from 'vitest';
import { parseRunbook } from '../../src/parse/runbook.js';
import { defaultConfig, parseConfig } from '../../src/parse/config.js';
import { runbookOf } from '../helpers.js';

const complete = `---
title: Primary database down
owner: data
service: orders-db
severity: critical
last_tested: 2026-11-10
alerts:
  - PostgresPrimaryDown
  - PostgresReplicationBroken
---
# Primary database down

## Summary
The primary is down.

## Recovery

1. Confirm the primary is down.

   \`\`\`sh
   pg_isready -h db
   \`\`\`

2. Promote the replica.
`;

describe('parseRunbook', () => {
  it('reads frontmatter fields with their locations', () => {
    const runbook = runbookOf(complete);
    expect(runbook.title).toBe('Primary database down');
    expect(runbook.owner).toMatchObject({ kind: 'given', value: 'data', span: { start: { line: 3, column: 8 } } });
    expect(runbook.severity).toMatchObject({ kind: 'given', value: { id: 'critical', rank: 0 } });
    expect(runbook.lastTested).toMatchObject({ kind: 'given', value: { kind: 'on', date: { year: 2026, month: 11, day: 10 } } });
    expect(runbook.alerts.map((alert) => [alert.value, alert.span.start.line, alert.span.start.column])).toEqual([
      ['PostgresPrimaryDown', 8, 5],
      ['PostgresReplicationBroken', 9, 5],
    ]);
  });

  it('takes recovery steps from the first numbered list under the Recovery heading, with their commands', () => {
    const runbook = runbookOf(complete);
    expect(runbook.recovery).toMatchObject({
      source: 'body',
      steps: [
        { text: 'Confirm the primary is down.', run: 'pg_isready -h db', span: { start: { line: 18, column: 1 } } },
        { text: 'Promote the replica.' },
      ],
    });
  });

  it('prefers frontmatter recovery steps over the body', () => {
    const runbook = runbookOf(complete.replace('---\n#', 'recovery:\n  - Fail over\n  - step: Check\n    run: pg_isready\n    expect: accepting\n---\n#'));
    expect(runbook.recovery).toMatchObject({
      source: 'frontmatter',
      steps: [{ text: 'Fail over' }, { text: 'Check', run: 'pg_isready', expect: 'accepting' }],
    });
  });

  it('locates an invalid value and says what was expected', () => {
    const runbook = runbookOf(complete.replace('severity: critical', 'severity: sev-1').replace('2026-11-10', '2026-02-30'));
    expect(runbook.frontmatter).toMatchObject({
      kind: 'parsed',
      problems: [
        { kind: 'invalid-value', key: 'severity', actual: '`sev-1`', expected: 'one of `critical`, `high`, `medium`, `low`', span: { start: { line: 5, column: 11 } } },
        { kind: 'invalid-value', key: 'last_tested', actual: '`2026-02-30`', span: { start: { line: 6, column: 14 } } },
      ],
    });
    expect(runbook.severity).toEqual({ kind: 'none' });
  });

  it('reports YAML syntax errors at the line and column the YAML parser gives', () => {
    const runbook = runbookOf('---\ntitle: ok\nowner: [unclosed\n---\n# x\n');
    expect(runbook.frontmatter.kind).toBe('broken');
    if (runbook.frontmatter.kind !== 'broken') return;
    expect(runbook.frontmatter.errors[0]?.span.start.line).toBeGreaterThanOrEqual(3);
  });

  it('keeps positions right with a byte-order mark and CRLF line endings', () => {
    const crlf = '\uFEFF' + complete.replace('severity: critical', 'severity: urgent').replace(/\n/g, '\r\n');
    const runbook = runbookOf(crlf);
    expect(runbook.frontmatter).toMatchObject({ kind: 'parsed', problems: [{ kind: 'invalid-value', span: { start: { line: 5, column: 11 } } }] });
    expect(runbook.recovery).toMatchObject({ source: 'body', steps: [{ run: 'pg_isready -h db' }, {}] });
  });

  it('notices a frontmatter block that is never closed', () => {
    expect(runbookOf('---\ntitle: x\n\n# Body\n').frontmatter).toEqual({ kind: 'missing', unclosed: true });
    expect(runbookOf('# Body\n').frontmatter).toEqual({ kind: 'missing', unclosed: false });
  });

  it('reports duplicate keys and unknown keys with a suggestion', () => {
    const runbook = runbookOf('---\nowner: a\nowner: b\nlast-tested: 2026-01-01\n---\n');
    if (runbook.frontmatter.kind !== 'parsed') throw new Error('expected parsed frontmatter');
    expect(runbook.frontmatter.problems.slice(0, 2)).toMatchObject([
      { kind: 'duplicate-key', key: 'owner', span: { start: { line: 3, column: 1 } } },
      { kind: 'unknown-key', key: 'last-tested', suggestion: 'last_tested', span: { start: { line: 4, column: 1 } } },
    ]);
  });

  it('does not expand YAML aliases (no billion laughs) and rejects them as values', () => {
    const bomb = ['---', 'a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'tags: *d', 'title: *a', '---', ''].join('\n');
    const runbook = runbookOf(bomb);
    expect(runbook.frontmatter.kind).toBe('parsed');
    expect(runbook.title).toBe('example');
  });

  it('reads binary and invalid UTF-8 files as unreadable, located', () => {
    const config = defaultConfig('/r');
    const binary = parseRunbook({ id: 'b', file: 'b.md', path: '/r/b.md', bytes: new Uint8Array([0x23, 0x0a, 0x61, 0x00, 0x01]) }, config);
    expect(binary).toMatchObject({ kind: 'unreadable', span: { start: { line: 2, column: 2 } } });
    const latin1 = parseRunbook({ id: 'l', file: 'l.md', path: '/r/l.md', bytes: new Uint8Array([0x61, 0x0a, 0x62, 0xe9, 0x0a]) }, config);
    expect(latin1).toMatchObject({ kind: 'unreadable', reason: expect.stringContaining('UTF-8') as unknown, span: { start: { line: 2, column: 2 } } });
  });

  it('maps frontmatter keys through the config (the GOV.UK convention)', () => {
    const config = parseConfig(
      'fields:\n  last_tested: last_reviewed_on\n  review_every: review_in\n  owner: owner_slack\nextra_keys: [layout, parent, section, type]\n',
      '/r/runbook.config.yaml',
    );
    const runbook = runbookOf('---\nowner_slack: "#govuk-2ndline"\ntitle: Fix it\nlast_reviewed_on: 2026-06-01\nreview_in: 6 months\nlayout: manual_layout\n---\n', config);
    expect(runbook.owner).toMatchObject({ kind: 'given', value: '#govuk-2ndline' });
    expect(runbook.lastTested).toMatchObject({ kind: 'given', value: { kind: 'on' } });
    expect(runbook.reviewEvery).toMatchObject({ kind: 'given', value: { count: 6, unit: 'month' } });
    expect(runbook.frontmatter).toMatchObject({ problems: [{ kind: 'missing-field', key: 'service' }, { kind: 'missing-field', key: 'severity' }] });
  });

  it('finds placeholder text at its column, in the body and in frontmatter values but not comments', () => {
    const runbook = runbookOf('---\nservice: TBD # TODO in a comment is fine? no: the line counts\n# TODO only a comment\n---\n- step one: <insert command here>\n- a todo list is fine, FIXME is not\n');
    expect(runbook.placeholders.map((p) => [p.value, p.span.start.line, p.span.start.column])).toEqual([
      ['TBD', 2, 10],
      ['TODO', 2, 16],
      ['<insert command here>', 5, 13],
      ['FIXME', 6, 24],
    ]);
  });
});
