import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/parse/decode.js';
import { defaultConfig } from '../../src/parse/config.js';
import { firstHeading } from '../../src/parse/first-heading.js';
import { parseRunbook } from '../../src/parse/runbook.js';
import { runbookOf } from '../helpers.js';
import { SHARED, sharedAvailable } from '../shared.js';

/** The first H1 as the full parse gives it. */
function fullH1(text: string): string | undefined {
  return runbookOf(text).headings.find((heading) => heading.depth === 1)?.text;
}

describe('firstHeading', () => {
  it.each([
    ['an ATX heading', '# Gitaly is down\n\n## Symptoms\n', 'Gitaly is down'],
    ['a closed ATX heading with code and emphasis', '  # The `db` is *down* ##\n', 'The db is down'],
    ['a setext heading over two lines', 'Gitaly is\ndown\n===\n\ntext\n', 'Gitaly is\ndown'],
    ['the heading after frontmatter whose YAML holds a `#`', '---\ntitle: # not a heading\n# a comment\n---\n# Title\n', 'Title'],
    ['a setext heading at the end of the file', 'Title\n=', 'Title'],
    ['an empty ATX heading', '#\n\n# Later\n', ''],
    ['an ATX heading closed by its only `#`', '# #\n', ''],
    ['an ATX heading with a `#` in its text', '# C# and F#\n', 'C# and F#'],
    ['an ATX heading after HTML', '<div>\n\n</div>\n\n# Title  ##  \n', 'Title'],
    ['an ATX heading after code fenced at the margin', '```sh\n# comment\n  ```\n\n~~~~\n# another\n~~~\n~~~~\n\n# Title\n', 'Title'],
    ['no heading in a backtick line that is no fence', '``` `x`\n# Title\n', 'Title'],
    ['an ATX heading after one-line comments', '<!-- generated -->\n<!-- START doctoc -->\n#  Title\n', 'Title'],
    ['an ATX heading after code and HTML in a list and a quote', '- item\n\n  ```\n# Title\n  ```\n', 'Title'],
    ['an ATX heading after a quoted fence', '> ```\n# Title\n', 'Title'],
    ['an H1 after an H2', '## Large CI pending builds\n\n# Later\n', 'Later'],
    ['character references and escapes', '# Fish &amp; chips \\*now\\*\r\n', 'Fish & chips *now*'],
  ])('reads %s as the full parse does', (_, text, title) => {
    expect(firstHeading(text)).toEqual({ kind: 'heading', text: title });
    expect(fullH1(text)).toBe(title);
  });

  it.each([
    ['no heading line', 'Just text.\n\n## Symptoms\n'],
    ['`#` without a space', '#hashtag\n'],
    ['an indented `#` (code)', '    # comment\n'],
    ['a heading in a block quote', '> # Quoted\n'],
  ])('finds no H1 in a file with %s', (_, text) => {
    expect(firstHeading(text)).toEqual({ kind: 'none' });
    expect(fullH1(text)).toBeUndefined();
  });

  it('is unsure when the first `#` line is in a code block that may be in a list, in HTML, in a list, or the heading may hold a link reference', () => {
    for (const text of ['  ```\n# comment\n```\n# Title\n', '<div>\n# in HTML\n</div>\n', '<!-- a comment\n# in it -->\n', '<!-- -->\n<!--\n# in a comment\n-->\n', '- item\n\n  # In the item\n', '# [Title][t]\n\n[t]: https://example.com\n']) {
      expect(firstHeading(text), text).toEqual({ kind: 'unsure' });
    }
  });
});

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe.runIf(sharedAvailable())('firstHeading on the shared corpora', () => {
  it('agrees with the full parse on every Markdown file, and is unsure of few', () => {
    const corpora = join(SHARED, 'corpora');
    const kinds = { heading: 0, none: 0, unsure: 0 };
    for (const path of markdownFiles(corpora)) {
      const bytes = readFileSync(path);
      const decoded = decodeSource(bytes);
      const loaded = parseRunbook({ id: 'x', file: path, path, bytes }, defaultConfig(corpora));
      if (decoded.kind !== 'text' || loaded.kind !== 'runbook') continue;
      const quick = firstHeading(decoded.text);
      kinds[quick.kind] += 1;
      const full = loaded.runbook.headings.find((heading) => heading.depth === 1)?.text;
      if (quick.kind !== 'unsure') expect(quick.kind === 'heading' ? quick.text : undefined, relative(corpora, path)).toBe(full);
    }
    expect(kinds.heading).toBeGreaterThan(400);
    expect(kinds.none).toBeGreaterThan(10);
    expect(kinds.unsure).toBeLessThan((kinds.heading + kinds.none) / 10);
  }, 120_000);
});
