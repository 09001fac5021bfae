import { describe, expect, it } from 'vitest';
import { isSitePath, markerText, parseMarker, writtenFile } from '../../src/io/site-marker.js';

describe('the site marker', () => {
  it('reads back what it wrote', () => {
    const files = new Map([['index.html', writtenFile('<html>')], ['runbooks/a b/index.html', writtenFile(new Uint8Array([1, 2, 3]))]]);
    expect(parseMarker(markerText('key', files))).toEqual({ input: 'key', files });
  });

  it.each(['../../victim', '../x', '/etc/passwd', 'a/../../b', 'a//b', './a', 'a/.', '', 'a\\..\\b', 'a\u0000b', 'a\rb', '.runbook-site'])(
    'is not trusted when it lists %j (the rm -rf ../../victim bug)',
    (path) => {
      const text = `${markerText('key', new Map([['index.html', writtenFile('x')]]))}${'0'.repeat(32)} 1 ${path}\n`;
      expect(parseMarker(text)).toBeUndefined();
    },
  );

  it('is not trusted from an older version, damaged, or listing a path twice', () => {
    const good = markerText('key', new Map([['index.html', writtenFile('x')]]));
    expect(parseMarker(good.replace('runbook-site 3', 'runbook-site 1'))).toBeUndefined();
    // Version 2 (no dependency record) is read, with no input known for any file.
    expect(parseMarker(`runbook-site 2\nabout\ninput key\n${'0'.repeat(32)} 1 index.html\n`)?.files.get('index.html')).toEqual({ digest: '0'.repeat(32), size: 1 });
    expect(parseMarker(markerText('key', new Map([['index.html', { ...writtenFile('x'), input: 'a'.repeat(32) }]])))?.files.get('index.html')?.input).toBe('a'.repeat(32));
    expect(parseMarker(good.replace(' - index.html', ' ../x index.html'))).toBeUndefined();
    expect(parseMarker(good.slice(0, -1))).toBeUndefined();
    expect(parseMarker(`${good}${good.split('\n')[3] ?? ''}\n`)).toBeUndefined();
  });

  it('takes only plain relative paths as site paths', () => {
    expect(isSitePath('runbooks/db/primary-down/index.html')).toBe(true);
    expect(isSitePath('alerts/Disk Full/index.html')).toBe(true);
    expect(isSitePath('..')).toBe(false);
  });
});
