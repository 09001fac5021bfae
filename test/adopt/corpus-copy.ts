import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHARED } from '../shared.js';

/** Writable git copies of the shared corpora, and a way to remove every copy made. */
export function corpusCopies(prefix: string): { readonly gitCopy: (name: string) => string; readonly removeAll: () => void } {
  const copies: string[] = [];
  return {
    gitCopy(name) {
      const folder = mkdtempSync(join(tmpdir(), prefix));
      copies.push(folder);
      cpSync(join(SHARED, 'corpora', name), folder, { recursive: true });
      for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
        const path = join(entry.parentPath, entry.name);
        chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644);
      }
      chmodSync(folder, 0o755);
      const git = (...args: string[]): void => {
        execFileSync('git', args, { cwd: folder, stdio: 'ignore' });
      };
      git('init', '-q');
      git('add', '-A');
      git('-c', 'user.email=adopt@example.com', '-c', 'user.name=adopt', 'commit', '-q', '-m', 'corpus');
      return folder;
    },
    removeAll() {
      for (const copy of copies.splice(0)) rmSync(copy, { recursive: true, force: true });
    },
  };
}
