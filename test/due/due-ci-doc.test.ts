import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../shared.js';

/**
 * The nightly `due` jobs of docs/ci.md, run as written with a stand-in `runbook` (exiting 0, 1 or
 * 2) and a stand-in `curl`: they post only on 1, and pass any other failure through.
 */
const DOC = readFileSync(join(PROJECT_ROOT, 'docs', 'ci.md'), 'utf8');

/** The YAML block of docs/ci.md holding `key`, parsed. */
function block(key: string): Record<string, unknown> {
  const found = [...DOC.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? '').find((text) => text.includes(key));
  if (found === undefined) throw new Error(`no yaml block with ${key} in docs/ci.md`);
  // A job to add to a workflow's `jobs:` is shown indented as it goes there.
  return parse(found.startsWith('  ') ? found.replace(/^ {2}/gm, '') : found) as Record<string, unknown>;
}

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Runs a job's shell script with `runbook` exiting `code`; whether curl was called, and the script's exit code. */
function run(script: string, code: number): { readonly posted: boolean; readonly status: number | null } {
  const folder = mkdtempSync(join(tmpdir(), 'runbook-due-ci-'));
  folders.push(folder);
  mkdirSync(join(folder, 'node_modules', '.bin'), { recursive: true });
  mkdirSync(join(folder, 'bin'));
  const fake = (path: string, text: string): void => {
    writeFileSync(path, `#!/bin/sh\n${text}\n`);
    chmodSync(path, 0o755);
  };
  fake(join(folder, 'node_modules', '.bin', 'runbook'), `echo '{"text": "x"}'; exit ${code}`);
  fake(join(folder, 'bin', 'curl'), 'touch posted');
  const result = spawnSync('sh', ['-e', '-c', script], {
    cwd: folder,
    env: { PATH: `${join(folder, 'bin')}:${process.env.PATH ?? ''}`, RUNBOOK: 'node_modules/.bin/runbook', SLACK_WEBHOOK_URL: 'https://hooks.example/x', GITHUB_STEP_SUMMARY: join(folder, 'summary') },
  });
  return { posted: existsSync(join(folder, 'posted')), status: result.status };
}

const EXPECTED = [
  [0, { posted: false, status: 0 }],
  [1, { posted: true, status: 0 }],
  [2, { posted: false, status: 2 }],
] as const;

describe('the nightly due jobs of docs/ci.md', () => {
  it('GitHub Actions: posts on exit 1 only and fails the job on 2', () => {
    const job = block('Post what falls due to Slack').due as { if: string; steps: { name?: string; run?: string }[] };
    expect(job.if).toBe("github.event_name == 'schedule'");
    const step = job.steps.find((each) => each.name === 'Post what falls due to Slack');
    for (const [code, expected] of EXPECTED) expect(run(step?.run ?? 'exit 99', code)).toEqual(expected);
  });

  it('GitLab CI: the same, with the script lines in one shell', () => {
    const job = block('runbooks:due:')['runbooks:due'] as { rules: { if: string }[]; script: string[] };
    expect(job.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "schedule"' }]);
    for (const [code, expected] of EXPECTED) expect(run(job.script.join('\n'), code)).toEqual(expected);
  });
});
