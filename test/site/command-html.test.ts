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
});
