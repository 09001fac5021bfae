import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/registry.js';
import { loadConfig } from '../../src/io/config-file.js';
import { discoverRunbooks } from '../../src/io/discover.js';
import { findableFromText, findableOf, mayAnswerAlert } from '../../src/parse/findable.js';
import { decodeSource } from '../../src/parse/decode.js';
import { defaultConfig } from '../../src/parse/config.js';
import { parseRunbook } from '../../src/parse/runbook.js';
import { runbookOf } from '../helpers.js';
import { PROJECT_ROOT } from '../shared.js';

const CONFIG = defaultConfig('/runbooks');
const EXAMPLE = { id: 'example', file: 'example.md' };

/** A name as YAML may write it: plain, quoted, with an escape, or as a block scalar. */
function written(name: string, style: number): string {
  switch (style) {
    case 0:
      return name;
    case 1:
      return `'${name}'`;
    case 2:
      return `"${name}"`;
    case 3:
      return `"\\x${name.charCodeAt(0).toString(16).padStart(2, '0')}${name.slice(1)}"`;
    default:
      return `|-\n    ${name}`;
  }
}

const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_:]{0,11}$/);
const style = fc.integer({ min: 0, max: 4 });

/** Runbooks with a title and alerts in every YAML style, a body H1, BOM or not, LF or CRLF. */
const runbookText = fc
  .record({
    title: fc.option(fc.tuple(name, style), { nil: undefined }),
    alerts: fc.array(fc.tuple(name, style), { maxLength: 3 }),
    flow: fc.boolean(),
    bom: fc.boolean(),
    crlf: fc.boolean(),
    broken: fc.boolean(),
  })
  .map(({ title, alerts, flow, bom, crlf, broken }) => {
    const lines = ['---'];
    if (title !== undefined) lines.push(`title: ${written(...title)}`);
    if (flow && alerts.every(([, each]) => each < 4)) lines.push(`alerts: [${alerts.map((alert) => written(...alert)).join(', ')}]`);
    else if (alerts.length > 0) lines.push('alerts:', ...alerts.map((alert) => `  - ${written(...alert).replace('\n', '\n  ')}`));
    if (broken) lines.push('owner: [unclosed');
    lines.push('---', '# Title of the body', '', 'Some text.', '');
    return `${bom ? '\uFEFF' : ''}${lines.join(crlf ? '\r\n' : '\n')}`;
  });

/** Runs the parser the way `loadProject` does (bytes in, BOM dropped by the decoder). */
function fullyParsed(text: string) {
  return findableOf(runbookOf(text, CONFIG));
}

/** The text as `show` reads it from disk. */
function decoded(text: string): string {
  const result = decodeSource(new TextEncoder().encode(text));
  if (result.kind !== 'text') throw new Error('test text is not UTF-8');
  return result.text;
}

describe('findableFromText', () => {
  it('reads the title and the alerts as the full parser does, the title from the body when the frontmatter has none', () => {
    fc.assert(
      fc.property(runbookText, (text) => {
        expect(findableFromText(EXAMPLE, decoded(text), CONFIG)).toEqual(fullyParsed(text));
      }),
      { numRuns: 500 },
    );
  });

  it('takes the title from the first H1 when there is no frontmatter, its YAML does not parse, or it has no title', () => {
    const titled = { ...EXAMPLE, title: 'Title', alerts: [] };
    expect(findableFromText(EXAMPLE, '# Title\n', CONFIG)).toEqual(titled);
    expect(findableFromText(EXAMPLE, '---\ntitle: [X\n---\n# Title\n', CONFIG)).toEqual(titled);
    expect(findableFromText(EXAMPLE, '---\nalerts: [A]\n---\n# Title\n', CONFIG)).toEqual({ ...titled, alerts: ['A'] });
    expect(findableFromText(EXAMPLE, '---\ntitle: [X]\n---\n# Title\n', CONFIG)).toEqual(titled);
    expect(findableFromText(EXAMPLE, 'No heading at all.\n', CONFIG)).toEqual({ ...titled, title: 'example' });
  });

  it('leaves to the full parse a title that may hold a link reference, or a first `#` line that is no heading', () => {
    expect(findableFromText(EXAMPLE, '# See [the notes]\n\n[the notes]: https://example.com\n', CONFIG)).toBeUndefined();
    expect(findableFromText(EXAMPLE, '<pre>\n# a comment\n</pre>\n\n# Title\n', CONFIG)).toBeUndefined();
    expect(findableFromText(EXAMPLE, '```sh\n# a comment\n```\n\n# Title\n', CONFIG)).toEqual({ ...EXAMPLE, title: 'Title', alerts: [] });
  });

  it('reads the key the config maps `title` and `alerts` to', () => {
    const config = { ...CONFIG, fields: { ...CONFIG.fields, title: 'name', alerts: 'pages' } };
    expect(findableFromText(EXAMPLE, '---\nname: Disk full\npages: [NodeDiskFull]\n---\n', config)).toEqual({
      ...EXAMPLE,
      title: 'Disk full',
      alerts: ['NodeDiskFull'],
    });
  });

  it.each(['.', 'test/fixtures/oncall/show', 'test/fixtures/oncall/tested', 'test/fixtures/oncall/tested-govuk'])(
    'agrees with the full parser on every runbook of %s',
    (folder) => {
      const cwd = join(PROJECT_ROOT, folder);
      const config = loadConfig(cwd, undefined, RULES.map((rule) => rule.id));
      const found = discoverRunbooks([], config, cwd);
      expect(found.length).toBeGreaterThan(0);
      for (const file of found) {
        const bytes = readFileSync(file.path);
        const text = decodeSource(bytes);
        const loaded = parseRunbook({ ...file, bytes }, config);
        if (text.kind !== 'text' || loaded.kind !== 'runbook') continue;
        const quick = findableFromText(file, text.text, config);
        if (quick !== undefined) expect(quick).toEqual(findableOf(loaded.runbook));
        else expect(findableOf(loaded.runbook).title).not.toBe(file.id);
      }
    },
  );
});

describe('mayAnswerAlert', () => {
  it('never rules out a runbook that answers the alert, in any case and any YAML style', () => {
    const caseOf = fc.constantFrom((text: string) => text, (text: string) => text.toLowerCase(), (text: string) => text.toUpperCase());
    fc.assert(
      fc.property(runbookText, caseOf, (text, inCase) => {
        for (const alert of fullyParsed(text).alerts) expect(mayAnswerAlert(decoded(text), ` ${inCase(alert)} `)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('rules out a runbook whose frontmatter does not name the alert, even when its body does', () => {
    const text = '---\ntitle: Disk full\nalerts: [NodeDiskFull]\n---\n# Disk full\n\nAlso fires with NodeDiskLatencyHigh.\n';
    expect(mayAnswerAlert(text, 'NodeDiskFull')).toBe(true);
    expect(mayAnswerAlert(text, 'nodediskfull')).toBe(true);
    expect(mayAnswerAlert(text, 'NodeDiskLatencyHigh')).toBe(false);
    expect(mayAnswerAlert('# Disk full\n\nNodeDiskFull\n', 'NodeDiskFull')).toBe(false);
  });

  it('keeps every runbook when YAML may spell the name otherwise (an escape) or the query is not a plain name', () => {
    expect(mayAnswerAlert('---\ntitle: X\nalerts: ["\\x4eodeDiskFull"]\n---\n', 'NodeDiskFull')).toBe(true);
    expect(mayAnswerAlert('---\ntitle: X\n---\n', 'disk full')).toBe(true);
    expect(mayAnswerAlert('---\ntitle: X\n---\n', "it's down")).toBe(true);
  });
});
