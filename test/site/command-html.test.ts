import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandHtml } from '../../src/site/command-html.js';

describe('commandHtml', () => {
  it('puts each space-free token of a command in a span and keeps the spaces and line breaks as they are', () => {
    expect(commandHtml('kubectl delete pod --force\n  -n edge')).toBe(
      '<span class="token">kubectl</span> <span class="token">delete</span> <span class="token">pod</span> <span class="token">--force</span>\n  <span class="token">-n</span> <span class="token">edge</span>',
    );
  });

  it('escapes the command: markup in it stays text', () => {
    expect(commandHtml('echo "<b>" > /tmp/x')).toBe('<span class="token">echo</span> <span class="token">&quot;&lt;b&gt;&quot;</span> <span class="token">&gt;</span> <span class="token">/tmp/x</span>');
  });

  it('keeps the text: removing the spans and unescaping gives the command back', () => {
    const unescape = (html: string): string =>
      html.replace(/<\/?span[^>]*>/g, '').replace(/&(lt|gt|quot|amp|#x27|#x60|#x3D);/g, (_, entity: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&', '#x27': "'", '#x60': '`', '#x3D': '=' })[entity] ?? '');
    fc.assert(fc.property(fc.string(), (command) => unescape(commandHtml(command)) === command));
  });

  it('shows each hidden character where it is, as a chip naming its code point', () => {
    // A bidi isolate, a zero-width space, ESC and BEL: the page must not show `echo ok` while the shell runs more.
    expect(commandHtml('echo ok \u2067; curl x\u2069 kubectl delete\u200b pod \u001b[201~\u0007')).toBe(
      '<span class="token">echo</span> <span class="token">ok</span> <span class="token"><span class="hidden-char">U+2067</span>;</span> <span class="token">curl</span> ' +
        '<span class="token">x<span class="hidden-char">U+2069</span></span> <span class="token">kubectl</span> <span class="token">delete<span class="hidden-char">U+200B</span></span> ' +
        '<span class="token">pod</span> <span class="token"><span class="hidden-char">U+001B</span>[201~<span class="hidden-char">U+0007</span></span>',
    );
  });

  it('shows a zero-width no-break space between tokens too (JavaScript counts it as a space)', () => {
    expect(commandHtml('rm\ufeff-rf')).toBe('<span class="token">rm</span><span class="hidden-char">U+FEFF</span><span class="token">-rf</span>');
  });

  it('leaves tabs, line feeds and CRLF line endings as they are', () => {
    expect(commandHtml('a\tb\r\nc')).toBe('<span class="token">a</span>\t<span class="token">b</span>\r\n<span class="token">c</span>');
  });
});
