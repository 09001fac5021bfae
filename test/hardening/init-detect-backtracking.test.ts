/**
 * `runbook init` reads the first 16 KB of up to 2,000 Markdown files and 2,000 YAML files of a
 * repository it is asked to fit, which may be anyone's. Found by H8 (#12): three of its regular
 * expressions backtracked. A heading line of 16 KB of spaces took 1 to 2 s (`[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$`),
 * a heading ending in a long run of `:` 0.3 s (`[:.]+$`), and a YAML file of 8 KB of blank lines
 * after `groups:` 160 s (`^groups:[\s\S]*^\s*-?\s*alert:` with the multi-line flag, cubic). They are
 * loops and line-by-line tests now, with the same results (property tests against the old
 * expressions on short inputs, where they are quick).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectCollection } from '../../src/adopt/detect-collection.js';
import { markdownFacts } from '../../src/adopt/detect-markdown-facts.js';

const OLD_HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const OLD_RULE_FILE = /(?:^groups:[\s\S]*^\s*-?\s*alert:|^kind:\s*PrometheusRule\b)/m;

/** A heading as the old code compared it. */
function oldKey(text: string): string {
  return text
    .replace(/[`*_]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[:.]+$/, '')
    .replace(/\p{Cc}/gu, '')
    .trim()
    .toLowerCase();
}

/** What the old code made of one line: the title (level 1) or the heading key (levels 2 to 6). */
function oldFacts(line: string): { readonly title: string | undefined; readonly headings: readonly string[] } {
  const match = OLD_HEADING.exec(line);
  const text = match?.[2]?.trim();
  if (match?.[1] === undefined || text === undefined || text === '') return { title: undefined, headings: [] };
  return match[1].length === 1 ? { title: text, headings: [] } : { title: undefined, headings: [oldKey(text)] };
}

/** Whether the collection found in one Markdown file and `yaml` lists the YAML file as a rule file. */
function ruleFileFound(yaml: string): boolean {
  const collection = detectCollection([{ path: 'runbooks/a.md', head: '# A\n' }], [{ path: 'rules.yaml', head: yaml }], []);
  return collection?.ruleFiles.includes('rules.yaml') === true;
}

const lineCharacters = fc.constantFrom(' ', '\t', '#', 'a', 'B', ':', '.', '`', '*', '\r', '\u2028', '\u00a0');
const yamlCharacters = fc.constantFrom(' ', '\n', '-', 'groups:', 'alert:', 'kind:', 'PrometheusRule', 'x', '\t', '\r');

describe('init reads crafted files in time linear in their size, with the results of before', () => {
  it('a heading line reads as the old expression read it', () => {
    fc.assert(
      fc.property(fc.array(lineCharacters, { maxLength: 24 }).map((characters) => characters.join('')), (line) => {
        const facts = markdownFacts('a.md', line);
        expect({ title: facts.title, headings: facts.headings }).toEqual(oldFacts(line));
      }),
      { numRuns: 3000 },
    );
  });

  it('a YAML file is a rule file exactly when the old expression said so', () => {
    fc.assert(
      fc.property(fc.array(yamlCharacters, { maxLength: 16 }).map((parts) => parts.join('')), (yaml) => {
        expect(ruleFileFound(yaml)).toBe(OLD_RULE_FILE.test(yaml));
      }),
      { numRuns: 3000 },
    );
  });

  it('the crafted files that took seconds to minutes are read', () => {
    expect(markdownFacts('a.md', `## a${' '.repeat(16_000)}b`).headings).toEqual([`a${' '.repeat(16_000)}b`.replace(/\s+/g, ' ')]);
    expect(markdownFacts('a.md', `## a${':'.repeat(16_000)}x`).headings).toEqual([`a${':'.repeat(16_000)}x`]);
    expect(ruleFileFound(`groups:\n${' \n'.repeat(8_000)}`)).toBe(false);
    expect(ruleFileFound(`groups:\n${' \n'.repeat(8_000)}  - alert: Down\n`)).toBe(true);
  });
});
