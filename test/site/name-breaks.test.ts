import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakableNameHtml } from '../../src/site/name-breaks.js';

describe('breakableNameHtml', () => {
  it('breaks CamelCase names at their humps and after an acronym', () => {
    expect(breakableNameHtml('KubePodCrashLooping')).toBe('Kube<wbr>Pod<wbr>Crash<wbr>Looping');
    expect(breakableNameHtml('HTTPServerDown')).toBe('HTTP<wbr>Server<wbr>Down');
    expect(breakableNameHtml('Node5xxErrors')).toBe('Node5xx<wbr>Errors');
  });

  it('breaks after underscores, hyphens, dots, slashes and colons, never inside a word', () => {
    expect(breakableNameHtml('node_disk_full')).toBe('node_<wbr>disk_<wbr>full');
    expect(breakableNameHtml('etcd-members--down')).toBe('etcd-<wbr>members--<wbr>down');
    expect(breakableNameHtml('lowercase')).toBe('lowercase');
  });

  it('escapes the name: markup in it stays text', () => {
    expect(breakableNameHtml('<img src=x>BadAlert')).toBe('&lt;img src&#x3D;x&gt;Bad<wbr>Alert');
  });

  it('keeps the text: removing the breaks and unescaping gives the name back', () => {
    const unescape = (html: string): string =>
      html.replaceAll('<wbr>', '').replace(/&(lt|gt|quot|amp|#x27|#x60|#x3D);/g, (_, entity: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&', '#x27': "'", '#x60': '`', '#x3D': '=' })[entity] ?? '');
    fc.assert(fc.property(fc.string(), (name) => unescape(breakableNameHtml(name)) === name));
  });
});
