import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFile, NODE_CREATE_STEPS } from '../../src/io/create-file.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'runbook-create-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('createFile', () => {
  it('creates the file and its folders, leaving no temporary file', () => {
    const path = join(folder, 'a', 'b', 'new.md');
    expect(createFile(path, bytes('hello\n'))).toEqual({ kind: 'created' });
    expect(readFileSync(path, 'utf8')).toBe('hello\n');
    expect(readdirSync(join(folder, 'a', 'b'))).toEqual(['new.md']);
  });

  it('never replaces an existing file', () => {
    const path = join(folder, 'old.md');
    writeFileSync(path, 'mine\n');
    expect(createFile(path, bytes('theirs\n'))).toEqual({ kind: 'exists' });
    expect(readFileSync(path, 'utf8')).toBe('mine\n');
    expect(readdirSync(folder)).toEqual(['old.md']);
  });

  it('never replaces a file that appears while it writes (the last step refuses, it does not overwrite)', () => {
    const path = join(folder, 'race.md');
    const result = createFile(path, bytes('late\n'), {
      ...NODE_CREATE_STEPS,
      writeNew: (temporary, data) => {
        NODE_CREATE_STEPS.writeNew(temporary, data);
        writeFileSync(path, 'first\n');
      },
    });
    expect(result).toEqual({ kind: 'exists' });
    expect(readFileSync(path, 'utf8')).toBe('first\n');
    expect(readdirSync(folder)).toEqual(['race.md']);
  });

  it('when the final step fails, throws with the path and leaves nothing behind', () => {
    const path = join(folder, 'fail.md');
    const failing = () =>
      createFile(path, bytes('x'), {
        ...NODE_CREATE_STEPS,
        link: () => {
          throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        },
      });
    expect(failing).toThrow(`cannot create ${path}`);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(folder)).toEqual([]);
  });
});
