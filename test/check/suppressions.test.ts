import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/registry.js';
import type { RuleContext } from '../../src/check/rule.js';
import { runChecks } from '../../src/check/run.js';
import { applySuppressions } from '../../src/check/suppressions.js';
import type { Config } from '../../src/model/config.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { defaultConfig, parseConfig } from '../../src/parse/config.js';
import { parseRunbook } from '../../src/parse/runbook.js';
import { runbookOf, TODAY } from '../helpers.js';

const ROOT = '/runbooks';

/** Every diagnostic of one runbook (`example.md`), as `line:column rule-id` (with the code when it is a variant). */
function reported(text: string, config: Config = defaultConfig(ROOT)): readonly string[] {
  const loaded = parseRunbook({ id: 'example', file: 'example.md', path: `${ROOT}/example.md`, bytes: new TextEncoder().encode(text) }, config);
  const context: RuleContext = { config, today: TODAY, git: { kind: 'none' }, existingFiles: new Set(), rootLabel: 'runbooks' };
  return runChecks([loaded], context)
    .filter((diagnostic) => ['placeholder-text', 'broken-link', 'invalid-suppression', 'unused-suppression'].includes(diagnostic.ruleId))
    .map((diagnostic) => `${diagnostic.span.start.line}:${diagnostic.span.start.column} ${diagnostic.code}`);
}

/** A diagnostic of `ruleId` at the start of `line` of `file`, for feeding {@link applySuppressions}. */
function diagnostic(file: string, line: number, ruleId: string): Diagnostic {
  const point = { line, column: 1 };
  return { file, span: { start: point, end: point }, ruleId, code: ruleId, params: {}, subject: '', severity: 'error', message: ruleId };
}

describe('suppression comments', () => {
  it('are read with the span of the comment as written, inside lists and block quotes too', () => {
    const runbook = runbookOf('- step\n\n  <!-- runbook-disable placeholder-text\n     -- a reason on the next line -->\n\n> text <!-- runbook-enable placeholder-text -->\n');
    expect(runbook.suppressions).toEqual([
      {
        kind: 'disable',
        rules: ['placeholder-text'],
        reason: 'a reason on the next line',
        span: { start: { line: 3, column: 3 }, end: { line: 4, column: 38 } },
      },
      { kind: 'enable', rules: ['placeholder-text'], span: { start: { line: 6, column: 8 }, end: { line: 6, column: 48 } } },
    ]);
  });

  it('ignore ordinary comments and comments in code', () => {
    const runbook = runbookOf('<!-- a note -->\n<!-- runbook-id: db -->\n\n```\n<!-- runbook-disable stale -- x -->\n```\n\n`<!-- runbook-disable stale -- x -->`\n');
    expect(runbook.suppressions).toEqual([]);
  });

  it('silence a multi-line range from the end of the disable comment to the start of the enable comment', () => {
    const text = 'TODO <!-- runbook-disable placeholder-text\n-- reason --> TODO\n\nTODO <!-- runbook-enable placeholder-text --> TODO\n';
    expect(reported(text)).toEqual(['1:1 placeholder-text', '4:47 placeholder-text']);
  });

  it('say when a rule is disabled twice, and the second comment silences nothing', () => {
    const text = '<!-- runbook-disable placeholder-text -- one -->\nTODO\n<!-- runbook-disable placeholder-text -- two -->\nTODO\n';
    expect(reported(text)).toEqual(['3:1 invalid-suppression/already-disabled']);
  });

  it('report an enable of an unknown rule, and still end the ranges of the rules it knows', () => {
    const text = '<!-- runbook-disable placeholder-text -- gaps -->\nTODO\n<!-- runbook-enable placeholder-text, stael -->\nTODO\n';
    expect(reported(text)).toEqual(['3:1 invalid-suppression/unknown-rule', '4:1 placeholder-text']);
  });

  it('silence nothing when one of their rules is unknown', () => {
    const text = '<!-- runbook-disable-next-line placeholder-text, nope -- gaps -->\nTODO\n';
    expect(reported(text)).toEqual(['1:1 invalid-suppression/unknown-rule', '2:1 placeholder-text']);
  });

  it('are unused when the rule they name is off', () => {
    const config = parseConfig('rules:\n  placeholder-text: off\n', `${ROOT}/runbook.config.yaml`, { label: 'runbook.config.yaml', ruleIds: RULES.map((rule) => rule.id) });
    expect(reported('<!-- runbook-disable-next-line placeholder-text -- gaps -->\nTODO\n', config)).toEqual(['1:1 unused-suppression']);
  });

  it('are not reported at all when their own rules are off', () => {
    const config = parseConfig('rules:\n  invalid-suppression: off\n  unused-suppression: off\n', `${ROOT}/runbook.config.yaml`, {
      label: 'runbook.config.yaml',
      ruleIds: RULES.map((rule) => rule.id),
    });
    expect(reported('<!-- runbook-disable-next-line placeholder-text -->\nTODO\n<!-- runbook-disable-file broken-link -- none -->\n', config)).toEqual(['2:1 placeholder-text']);
  });

  it('cannot hide internal-error, unreadable-file, their own findings or the alert rules', () => {
    const ids = ['internal-error', 'unreadable-file', 'invalid-suppression', 'unused-suppression', 'runbook-alert-undefined'];
    const runbook = runbookOf(`${ids.map((id) => `<!-- runbook-disable-file ${id} -- hide it -->`).join('\n')}\n`);
    const crash = diagnostic('example.md', 9, 'internal-error');
    const suppressed = applySuppressions([crash], [runbook], RULES);
    expect(suppressed.kept).toEqual([crash]);
    expect(suppressed.invalid.map((finding) => `${finding.span.start.line} ${finding.code}`)).toEqual(ids.map((_, index) => `${index + 1} invalid-suppression/not-suppressible`));
    expect(suppressed.unused).toEqual([]);
  });

  it('cover only the findings of their own file', () => {
    const other = diagnostic('other.md', 2, 'placeholder-text');
    const suppressed = applySuppressions([other], [runbookOf('<!-- runbook-disable-file placeholder-text -- gaps -->\n')], RULES);
    expect(suppressed.kept).toEqual([other]);
    expect(suppressed.unused.map((finding) => finding.code)).toEqual(['unused-suppression']);
  });

  it('are not rendered on the site', () => {
    const text = '# Disk full\n\n<!-- runbook-disable-next-line placeholder-text -- gaps -->\nTODO\n\nText <!-- runbook-disable broken-link -- generated --> more.\n';
    const loaded = parseRunbook({ id: 'example', file: 'example.md', path: `${ROOT}/example.md`, bytes: new TextEncoder().encode(text) }, defaultConfig(ROOT), { render: true });
    if (loaded.kind !== 'runbook' || loaded.body.kind !== 'rendered') throw new Error('expected a rendered runbook');
    const html = loaded.body.pieces.map((piece) => ('html' in piece ? piece.html : '')).join('');
    expect(html).toContain('TODO');
    expect(html).not.toContain('runbook-');
    expect(html).not.toContain('<!--');
    expect(loaded.body.text).not.toContain('runbook-');
  });

  it('are read without throwing from any comment, each within the file and in order', () => {
    const word = fc.constantFrom('runbook-disable', 'runbook-disable-next-line', 'runbook-enable', 'runbook-disable-file', 'runbook-disabel', 'runbook-x', 'note');
    const piece = fc.constantFrom('placeholder-text', ',', ' ', '--', ' -- ', 'why', '\n', '\r\n', '> ', '- ', '`', '<!--', '-->', 'TODO');
    const comment = fc.tuple(word, fc.array(piece, { maxLength: 8 })).map(([first, rest]) => `<!-- ${first}${rest.join('')} -->`);
    fc.assert(
      fc.property(fc.array(fc.oneof(comment, piece), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const lines = text.split(/\r\n|\r|\n/);
        const spans = runbookOf(text).suppressions.map((suppression) => suppression.span);
        for (const span of spans) {
          expect(span.start.line).toBeGreaterThanOrEqual(1);
          expect(span.end.line).toBeLessThanOrEqual(lines.length);
          expect(lines[span.start.line - 1]?.slice(span.start.column - 1).startsWith('<!--')).toBe(true);
        }
        expect(reported(text).length).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});
