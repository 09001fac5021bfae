import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NODE_STEPS, replaceFile, type ReplaceSteps } from '../../src/io/replace-file.js';

/**
 * `runbook tested` writes through `replaceFile`: these tests make each step fail (as a full disk, a
 * crash or a lost rename would) and show that the runbook is never left half written.
 */
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const ORIGINAL = '---\ntitle: Disk full\nlast_tested: 2026-08-01\n---\n# Disk full\n';
const EDITED = new TextEncoder().encode(ORIGINAL.replace('2026-08-01', '2026-11-27'));

function runbookFile(): { folder: string; path: string } {
  const folder = mkdtempSync(join(tmpdir(), 'runbook-replace-'));
  folders.push(folder);
  const path = join(folder, 'disk-full.md');
  writeFileSync(path, ORIGINAL);
  return { folder, path };
}

describe('replaceFile', () => {
  it('replaces the contents, keeps the permissions and leaves nothing beside the file', () => {
    const { folder, path } = runbookFile();
    chmodSync(path, 0o604);
    replaceFile(path, EDITED);
    expect(readFileSync(path, 'utf8')).toBe(ORIGINAL.replace('2026-08-01', '2026-11-27'));
    expect(statSync(path).mode & 0o777).toBe(0o604);
    expect(readdirSync(folder)).toEqual(['disk-full.md']);
  });

  it('leaves the original intact and removes the temporary file when writing it fails half way', () => {
    const { folder, path } = runbookFile();
    let temporary = '';
    const steps: ReplaceSteps = {
      ...NODE_STEPS,
      writeNew: (target, data, mode, owner) => {
        temporary = target;
        NODE_STEPS.writeNew(target, data.subarray(0, 10), mode, owner);
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
    };
    expect(() => {
      replaceFile(path, EDITED, steps);
    }).toThrow(`cannot write ${path} (unchanged)`);
    expect(temporary.startsWith(join(folder, '.disk-full.md.'))).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(ORIGINAL);
    expect(existsSync(temporary)).toBe(false);
    expect(readdirSync(folder)).toEqual(['disk-full.md']);
  });

  it('leaves the original intact and removes the complete temporary file when the rename fails', () => {
    const { folder, path } = runbookFile();
    const steps: ReplaceSteps = {
      ...NODE_STEPS,
      rename: () => {
        throw Object.assign(new Error('EXDEV: cross-device link not permitted, rename'), { code: 'EXDEV' });
      },
    };
    expect(() => {
      replaceFile(path, EDITED, steps);
    }).toThrow(/cannot write .*disk-full\.md \(unchanged\)/);
    expect(readFileSync(path, 'utf8')).toBe(ORIGINAL);
    expect(readdirSync(folder)).toEqual(['disk-full.md']);
  });

  it('keeps the cause, and says so when the temporary file cannot be removed either', () => {
    const { path } = runbookFile();
    const writeError = new Error('EIO: i/o error, write');
    const steps: ReplaceSteps = {
      ...NODE_STEPS,
      writeNew: () => {
        throw writeError;
      },
      remove: () => {
        throw new Error('EROFS: read-only file system, unlink');
      },
    };
    let thrown: unknown;
    try {
      replaceFile(path, EDITED, steps);
    } catch (error: unknown) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toMatch(/unchanged\), and cannot remove .*\.tmp$/);
    expect(((thrown as Error).cause as AggregateError).errors[0]).toBe(writeError);
    expect(readFileSync(path, 'utf8')).toBe(ORIGINAL);
  });

  it('refuses to write a file that does not exist, creating nothing', () => {
    const { folder } = runbookFile();
    expect(() => {
      replaceFile(join(folder, 'missing.md'), EDITED);
    }).toThrow('cannot write');
    expect(readdirSync(folder)).toEqual(['disk-full.md']);
  });
});
