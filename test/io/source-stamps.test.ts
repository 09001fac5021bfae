import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stampedIdentities, takeStamps } from '../../src/io/source-stamps.js';

const folder = mkdtempSync(join(tmpdir(), 'runbook-stamps-'));
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

function file(name: string, text: string) {
  const path = join(folder, name);
  writeFileSync(path, text);
  return { id: name, file: name, path };
}

/** Stamps taken `afterMs` after now: long after the file last changed, or (0) right away. */
function stampsOf(found: ReturnType<typeof file>, digest: string, afterMs: number) {
  return takeStamps(undefined, [{ ...found, digest }], Date.now() + afterMs);
}

describe('source stamps', () => {
  it('give the remembered digest, without reading, while the stat is unchanged', async () => {
    const found = file('same.md', 'one\n');
    // A digest that is not the bytes' shows that the file was not read.
    expect(await stampedIdentities([found], stampsOf(found, 'remembered', 60_000))).toEqual([{ ...found, digest: 'remembered' }]);
  });

  it('are not trusted once the file changes, even with the same size and the modification time put back', async () => {
    const found = file('edited.md', 'one\n');
    const stamps = stampsOf(found, 'remembered', 60_000);
    const { atime, mtime } = statSync(found.path);
    writeFileSync(found.path, 'two\n');
    utimesSync(found.path, atime, mtime);
    expect(await stampedIdentities([found], stamps)).toEqual([undefined]);
  });

  it('are not trusted when taken within two seconds of the change (it may change again in the same clock tick)', async () => {
    const found = file('racy.md', 'one\n');
    expect(await stampedIdentities([found], stampsOf(found, 'remembered', 0))).toEqual([undefined]);
  });

  it('keep the stamps of other files, and drop those of files that are gone or unreadable', async () => {
    const kept = file('kept.md', 'a\n');
    const gone = file('gone.md', 'b\n');
    const first = takeStamps(undefined, [{ ...kept, digest: 'k' }, { ...gone, digest: 'g' }], Date.now());
    rmSync(gone.path);
    const second = takeStamps(first, [{ ...gone, digest: 'g2' }], Date.now());
    expect(Object.keys(second.byPath)).toEqual([kept.path]);
    expect(await stampedIdentities([gone], second)).toEqual([undefined]);
  });
});
