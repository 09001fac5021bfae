import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { findFrontmatterFences } from '../../src/parse/frontmatter-block.js';
import { recordDrill, type DrillEdit } from '../../src/oncall/record-drill.js';
import { mustDate } from '../helpers.js';

const DATE = mustDate('2026-11-27');

/** The new text of an edit, failing the test when it was refused. */
function edited(edit: DrillEdit): string {
  if (edit.kind !== 'edited') throw new Error(`expected an edit, got the refusal ${JSON.stringify(edit.refusal)}`);
  return edit.text;
}

/** The refusal code of an edit, failing the test when it was made. */
function refusal(edit: DrillEdit): string {
  if (edit.kind !== 'refused') throw new Error(`expected a refusal, got the edit:\n${edit.text}`);
  return edit.refusal.code;
}

describe('recordDrill', () => {
  it('replaces only the date of a plain value, keeping the comment after it', () => {
    const text = '---\n# kept\ntitle: X\nlast_tested: 2026-08-01   # game day\nowner: data\n---\n# X\n';
    expect(edited(recordDrill(text, 'last_tested', DATE))).toBe(text.replace('2026-08-01', '2026-11-27'));
  });

  it('keeps double and single quotes around the date', () => {
    expect(edited(recordDrill('---\nlast_tested: "2026-08-01"\n---\n', 'last_tested', DATE))).toBe('---\nlast_tested: "2026-11-27"\n---\n');
    expect(edited(recordDrill("---\nlast_tested: '2026-08-01'\n---\n", 'last_tested', DATE))).toBe("---\nlast_tested: '2026-11-27'\n---\n");
  });

  it('replaces `never` with a plain date and says what it was', () => {
    const edit = recordDrill('---\nlast_tested: never\n---\n', 'last_tested', DATE);
    expect(edited(edit)).toBe('---\nlast_tested: 2026-11-27\n---\n');
    expect(edit.kind === 'edited' && edit.previous).toEqual({ kind: 'never' });
  });

  it('fills in an empty value, leaving a comment after it in place', () => {
    expect(edited(recordDrill('---\nlast_tested:\nowner: x\n---\n', 'last_tested', DATE))).toBe('---\nlast_tested: 2026-11-27\nowner: x\n---\n');
    expect(edited(recordDrill('---\nlast_tested: # soon\n---\n', 'last_tested', DATE))).toBe('---\nlast_tested: 2026-11-27 # soon\n---\n');
    expect(edited(recordDrill('---\nlast_tested: ~\n---\n', 'last_tested', DATE))).toBe('---\nlast_tested: 2026-11-27\n---\n');
  });

  it('adds a missing key as the last line of the frontmatter, with the file\'s line ending', () => {
    expect(edited(recordDrill('---\ntitle: X\n---\nbody\n', 'last_tested', DATE))).toBe('---\ntitle: X\nlast_tested: 2026-11-27\n---\nbody\n');
    expect(edited(recordDrill('---\r\ntitle: X\r\n---\r\nbody\r\n', 'last_tested', DATE))).toBe('---\r\ntitle: X\r\nlast_tested: 2026-11-27\r\n---\r\nbody\r\n');
    expect(edited(recordDrill('---\n---\n', 'last_tested', DATE))).toBe('---\nlast_tested: 2026-11-27\n---\n');
  });

  it('adds the key after an indented list without changing the list', () => {
    const text = '---\nalerts:\n  - A\n  - B\n---\n';
    expect(edited(recordDrill(text, 'last_tested', DATE))).toBe('---\nalerts:\n  - A\n  - B\nlast_tested: 2026-11-27\n---\n');
  });

  it('writes the key the config maps `last_tested` to, quoting it when it needs quotes', () => {
    expect(edited(recordDrill('---\nlast_reviewed_on: 2026-01-01\n---\n', 'last_reviewed_on', DATE))).toBe('---\nlast_reviewed_on: 2026-11-27\n---\n');
    expect(edited(recordDrill('---\ntitle: X\n---\n', 'tested on', DATE))).toBe('---\ntitle: X\n"tested on": 2026-11-27\n---\n');
  });

  it('keeps the byte order mark and edits a one-line flow mapping in place', () => {
    expect(edited(recordDrill('\uFEFF---\nlast_tested: 2026-01-01\n---\n', 'last_tested', DATE))).toBe('\uFEFF---\nlast_tested: 2026-11-27\n---\n');
    expect(edited(recordDrill('---\n{title: X, last_tested: 2026-01-01}\n---\n', 'last_tested', DATE))).toBe('---\n{title: X, last_tested: 2026-11-27}\n---\n');
  });

  it('replaces a value that is not a date, saying what it was', () => {
    const edit = recordDrill('---\nlast_tested: 2026-13-01\n---\n', 'last_tested', DATE);
    expect(edited(edit)).toBe('---\nlast_tested: 2026-11-27\n---\n');
    expect(edit.kind === 'edited' && edit.previous).toEqual({ kind: 'invalid', source: '2026-13-01' });
  });

  it('accepts the same date again', () => {
    expect(edited(recordDrill('---\nlast_tested: 2026-11-27\n---\n', 'last_tested', DATE))).toBe('---\nlast_tested: 2026-11-27\n---\n');
  });

  it('refuses a date before the current one, locating the current value', () => {
    const edit = recordDrill('---\ntitle: X\nlast_tested: 2026-11-28\n---\n', 'last_tested', DATE);
    expect(edit).toEqual({
      kind: 'refused',
      refusal: { code: 'before-current', key: 'last_tested', date: DATE, current: mustDate('2026-11-28'), at: { line: 3, column: 14 } },
    });
  });

  it('refuses files it cannot edit safely', () => {
    expect(refusal(recordDrill('# No frontmatter\n', 'last_tested', DATE))).toBe('no-frontmatter');
    expect(refusal(recordDrill('---\ntitle: X\n', 'last_tested', DATE))).toBe('no-frontmatter');
    expect(refusal(recordDrill('---\ntitle: a: b\n---\n', 'last_tested', DATE))).toBe('yaml-error');
    expect(refusal(recordDrill('---\n- a list\n---\n', 'last_tested', DATE))).toBe('not-a-mapping');
    expect(refusal(recordDrill('---\n{title: X}\n---\n', 'last_tested', DATE))).toBe('flow-mapping');
    expect(refusal(recordDrill('---\nlast_tested: 2026-01-01\nlast_tested: 2026-02-01\n---\n', 'last_tested', DATE))).toBe('duplicate-key');
    expect(refusal(recordDrill('---\nlast_tested: |\n  2026-01-01\n---\n', 'last_tested', DATE))).toBe('unsupported-value');
    expect(refusal(recordDrill('---\nlast_tested: [2026-01-01]\n---\n', 'last_tested', DATE))).toBe('unsupported-value');
  });

  it('locates a YAML error in the file, counting the fence line', () => {
    const edit = recordDrill('---\ntitle: X\nowner: a: b\n---\n', 'last_tested', DATE);
    expect(edit.kind === 'refused' && edit.refusal.code === 'yaml-error' && edit.refusal.at.line).toBe(3);
  });

  const styles = fc.constantFrom('plain', 'double', 'single');
  const endings = fc.constantFrom('\n', '\r\n');
  const comment = fc.string({ maxLength: 20 }).map((text) => text.replace(/[\r\n]/g, ' '));
  const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2026-11-27T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));

  it('changes nothing but the date, for any quoting, line ending, comment and earlier date', () => {
    fc.assert(
      fc.property(styles, endings, comment, day, fc.boolean(), (style, eol, note, previous, bom) => {
        const quote = style === 'double' ? '"' : style === 'single' ? "'" : '';
        const lines = (date: string): string =>
          (bom ? '\uFEFF' : '') + ['---', '# owner: data', 'title: X', `last_tested: ${quote}${date}${quote} # ${note}`, 'owner: data', '---', '# X', ''].join(eol);
        expect(edited(recordDrill(lines(previous), 'last_tested', DATE))).toBe(lines('2026-11-27'));
      }),
    );
  });

  /** Text made of YAML's special pieces, to reach its odd corners. */
  const yamlish = fc
    .array(fc.constantFrom('last_tested', 'title', ':', ' ', '\n', '\r\n', '"', "'", '#', '- ', '[', ']', '{', '}', ',', '2026-01-01', 'never', '|', '>', '&a ', '*a', '\t', '  ', '~', '? ', '!!str ', '---', '...'), { maxLength: 30 })
    .map((pieces) => pieces.join(''));

  it('refuses an edit that would not read back as the date, rather than write it', () => {
    expect(refusal(recordDrill('---\nlast_tested:\n\n[]:\n---\n', 'last_tested', DATE))).toBe('unsafe-edit');
    expect(refusal(recordDrill('---\n  title: indented\n---\n', 'last_tested', DATE))).toBe('cannot-add');
  });

  it('never throws, and every edit reads back as the date, whatever the YAML', () => {
    fc.assert(
      fc.property(yamlish, fc.constantFrom('', 'last_tested: ', 'last_tested:', 'title: x\n'), (yaml, before) => {
        const text = `---\n${before}${yaml}\n---\nbody\n`;
        const edit = recordDrill(text, 'last_tested', DATE);
        if (edit.kind === 'edited') {
          const block = findFrontmatterFences(edit.text);
          const document = parseDocument(edit.text.slice(block?.yamlStart ?? 0, block?.closeStart ?? 0), { uniqueKeys: false, schema: 'core' });
          expect(document.errors).toEqual([]);
          expect(document.get('last_tested')).toBe('2026-11-27');
          expect(edit.text.endsWith('\nbody\n')).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
