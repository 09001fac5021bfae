import { describe, expect, test } from 'vitest';
import { escapeBlockStart, escapeMarkdown, renderSheetMarkdown } from '../../src/cheatsheet/markdown.js';
import { HOSTILE } from './hostile-sheet.js';

const markdown = renderSheetMarkdown(HOSTILE);

describe('Markdown cheat sheet', () => {
  test('escapes runbook text so it cannot become HTML, emphasis or links', () => {
    expect(markdown).toContain('## \\<img src=x onerror=alert(1)\\> \\*bold\\* \\[link\\](https://evil.example) \\## (critical)');
    expect(markdown).toContain('# Red \\<b\\>team\\</b\\>: on-call cheat sheet');
    const outsideCode = markdown.replace(/^( *)(`{3,})sh\n[\s\S]*?\n\1\2$/gm, '').replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
    expect(outsideCode).not.toMatch(/(?<!\\)<\/?(img|script|b|i)\b/);
    expect(markdown).toContain('1. 1\\. not a list \\<script\\>alert(1)\\</script\\> \\_under\\_ snake_case');
    expect(markdown).toContain('1. 1\\. \\*Boss\\*: pager \\[x\\](javascript:alert(1))');
  });

  test('keeps inline code and bold of a step but drops links that are not http(s), and shows escape sequences as text', () => {
    expect(markdown).toContain('3. no command here click me `` `<b>`\\u001b]52;c;SGFja2Vk\\u0007 `` **bold\\u001b\\[2J**');
    expect(markdown).not.toMatch(/(?<!\\)\]\((<)?\s*java/);
    expect(markdown).not.toContain('\u001b');
    expect(markdown).toContain('   Expect: \\</p\\>\\<img src=x onerror=alert(4)\\> \\u001b\\[31mred');
  });

  test('puts commands in fences longer than any backtick run inside them', () => {
    expect(markdown).toContain('   ````sh\n   echo "```" && echo </pre><script>alert(1)</script>\n   ````');
    expect(markdown).toContain('2. \n\n   ```sh\n   only-a-command --flag\n   ```'.replace('2. \n', '2.\n'));
  });

  test('writes alert names as inline code, whatever backticks they hold', () => {
    expect(markdown).toContain('**Alerts:** ``Alert`With`Ticks``');
  });

  test('flags a stale runbook in bold', () => {
    expect(markdown).toContain('**Status:** **STALE (last tested 2025-01-01, due 2025-04-01): the steps may no longer work**');
  });

  test('links to the full runbook and says when and from what it was made', () => {
    expect(markdown).toContain('[Full runbook](<https://runbooks.example.com/runbooks/evil/>)');
    expect(markdown.endsWith('\n---\n\nGenerated 2026-11-27 from commit `unknown` by `runbook cheatsheet`.\n')).toBe(true);
  });

  test('leaves ordinary text alone, so the raw Markdown stays readable in chat', () => {
    expect(escapeMarkdown('Scale to 30 pods (about 25 %), then wait 2 min: see #payments-oncall.')).toBe('Scale to 30 pods (about 25 %), then wait 2 min: see #payments-oncall.');
    expect(escapeBlockStart('# not a heading')).toBe('\\# not a heading');
    expect(escapeBlockStart('- not an item')).toBe('\\- not an item');
  });
});
