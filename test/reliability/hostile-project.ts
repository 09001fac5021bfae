/** Temporary runbook projects for the hostile-input tests: a config, runbooks, and a clean template. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A config with no required sections, so each case's diagnostics are only the ones it is about. */
export const CONFIG_TEXT = ['root: runbooks', 'sections:', '  required: []', 'teams:', '  data: {name: Data, escalation: [{name: Data on-call, via: pager, target: data-primary}]}', ''].join('\n');

/** A runbook `check` passes, with `extra` frontmatter lines and `body` after it. */
export function cleanRunbook(options: { readonly title?: string; readonly extra?: readonly string[]; readonly body?: string } = {}): string {
  return [
    '---',
    `title: ${options.title ?? 'A clean runbook'}`,
    'owner: data',
    'service: orders',
    'severity: low',
    'last_tested: 2026-11-01',
    'recovery: [Restart it]',
    ...(options.extra ?? []),
    '---',
    '',
    options.body ?? 'Words.',
    '',
  ].join('\n');
}

/** Makes a project folder with the config and `files` (path under the project → text or bytes). */
export function makeProject(files: Readonly<Record<string, string | Uint8Array>>, config = CONFIG_TEXT): string {
  const folder = mkdtempSync(join(tmpdir(), 'runbook-hostile-'));
  writeFileSync(join(folder, 'runbook.config.yaml'), config);
  mkdirSync(join(folder, 'runbooks'), { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), content);
  }
  return folder;
}
