/**
 * `runbook init` quotes what it finds in a repository (folder and file names) in its report and in
 * the config it writes. Found by H8 (#12): a folder name with a line break printed lines of its
 * choosing in init's report (`Found 3 runbooks in x` then a line `root: /`), and names with glob
 * characters were written as globs into `exclude`, so `x*y*z*w/vendor/**` (3 `*` in one part) made
 * the written config fail to load and `index.[a].md` excluded `index.a.md` instead of itself. Names
 * are now shown escaped on one line, and written as globs matching only themselves.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../cli/run-cli.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function write(folder: string, path: string, text: string): void {
  mkdirSync(dirname(join(folder, path)), { recursive: true });
  writeFileSync(join(folder, path), text);
}

/** A repository whose Markdown is all under `holder`, three runbooks named after alerts, and `extra` files. */
function repository(holder: string, extra: readonly string[] = []): string {
  const folder = mkdtempSync(join(tmpdir(), 'runbook-init-names-'));
  folders.push(folder);
  for (const name of ['KubeDown', 'KubeSlow', 'KubeGone']) write(folder, `${holder}/${name}.md`, `---\ntitle: ${name}\n---\n# ${name}\n\n## Mitigation\n\n1. Restart it.\n`);
  for (const path of extra) write(folder, path, '# A page\n');
  return folder;
}

describe('init with crafted folder and file names', () => {
  it('a line break in a folder name is shown as \\n in the report, and written as a quoted root that check reads', async () => {
    const holder = 'x\nroot: /\n# y';
    const folder = repository(holder);
    const result = await runCli(['init'], folder);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('Found 3 runbooks in x\\nroot: /\\n# y/ (every Markdown file is under x\\nroot: /\\n# y/).');
    expect(result.stdout.split('\n').filter((line) => line.startsWith('root'))).toEqual([]);
    const config = parse(readFileSync(join(folder, 'runbook.config.yaml'), 'utf8')) as Record<string, unknown>;
    expect(config.root).toBe(holder);
    const checked = await runCli(['check', '--no-git', '--no-cache', '--format', 'concise'], folder);
    expect(checked.code).not.toBe(2);
    expect(checked.stderr).toBe('');
  });

  it('names with glob characters are excluded as written, and the config loads', async () => {
    const folder = repository('runbooks', ['runbooks/x*y*z*w/vendor/lib.md', 'runbooks/a/index.[a].md', 'runbooks/a/{b,c}/README.md']);
    const result = await runCli(['init'], folder);
    expect(result.code).toBe(0);
    const config = parse(readFileSync(join(folder, 'runbook.config.yaml'), 'utf8')) as Record<string, unknown>;
    expect(config.exclude).toEqual(['**/README.md', '**/index.\\[a\\].md', 'x\\*y\\*z\\*w/vendor/**']);
    const checked = await runCli(['check', '--no-git', '--no-cache', '--format', 'json'], folder);
    expect(checked.stderr).toBe('');
    expect(checked.code).not.toBe(2);
    const files = (JSON.parse(checked.stdout) as { readonly summary: { readonly files: number } }).summary.files;
    expect(files).toBe(3);
  });
});
