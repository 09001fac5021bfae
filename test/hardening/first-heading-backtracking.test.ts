/**
 * `show` reads the first H1 of every runbook without parsing it when the line is a plain `# Title`.
 * Found by H8 (#12): as the regular expression `^#[ \t]+([^…]*?)(?:[ \t]+#+)?[ \t]*$` a title line of
 * 40,000 spaces took 2.6 s (the time grows with the square of the line). It is a loop now, with the
 * same results (property test against the old expression on short lines).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstHeading } from '../../src/parse/first-heading.js';

const OLD_PLAIN_ATX = /^#[ \t]+([^\\`*_&<>[\]!~]*?)(?:[ \t]+#+)?[ \t]*(?:\r\n|\r|\n)?$/;

describe('the first H1 of a file, read as written, in time linear in the line', () => {
  it('a plain title line reads as the old expression read it', () => {
    const characters = fc.constantFrom(' ', '\t', '#', 'a', '*', '[', '\u00a0');
    fc.assert(
      fc.property(fc.array(characters, { maxLength: 20 }).map((parts) => `# ${parts.join('')}`), fc.constantFrom('', '\n', '\r\n', '\r'), (line, ending) => {
        const old = OLD_PLAIN_ATX.exec(line + ending)?.[1];
        const found = firstHeading(line + ending);
        // The old expression refused exactly the lines holding a character it lists; those go to the full parse, as before.
        expect(old === undefined).toBe(/[\\`*_&<>[\]!~]/.test(line));
        if (old !== undefined) expect(found).toEqual({ kind: 'heading', text: old.replace(/^#+$/, '').trim() });
      }),
      { numRuns: 3000 },
    );
  });

  it('a title line of 200,000 spaces is read', () => {
    expect(firstHeading(`# a${' '.repeat(200_000)}b\n`)).toEqual({ kind: 'heading', text: `a${' '.repeat(200_000)}b` });
  });
});
