/**
 * `runbook show` on content written its own way (#12): body steps with their formatting and their
 * parts in order, a recovery written as prose, `--full`, and the adopted corpora. The terminal
 * outputs are golden files (test/oncall/golden/) for a human to review.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/io/io.js';
import { runCli } from '../cli/run-cli.js';
import { PROJECT_ROOT, SHARED, sharedAvailable } from '../shared.js';

const FIXTURE = join(PROJECT_ROOT, 'test', 'fixtures', 'oncall', 'show-written');
const GOLDEN = join(PROJECT_ROOT, 'test', 'oncall', 'golden');

/** Runs the CLI with stdout a terminal, so that it writes colour. */
async function onTerminal(argv: readonly string[], cwd: string): Promise<string> {
  let stdout = '';
  const io: Io = {
    cwd,
    env: {},
    stdout: { write: (text) => (stdout += text), isTTY: true },
    stderr: { write: () => undefined, isTTY: true },
    now: () => new Date('2026-11-27T12:00:00Z'),
  };
  expect(await main(argv, io)).toBe(0);
  return stdout;
}

/**
 * Lines wider than 80 columns that are neither lines of a code block (indented by at least 4
 * spaces) nor one word alone (a long URL, kept whole so that it can be copied).
 */
function overlong(text: string): readonly string[] {
  return text.split('\n').filter((line) => Array.from(line).length > 80 && !/^ {4,}/.test(line) && /\S\s+\S/.test(line));
}

describe('runbook show, content as written', () => {
  it('prints a body step as text, command, then what to expect, with inline code kept', async () => {
    const result = await runCli(['show', 'RedisEvictingKeys'], FIXTURE);
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(join(GOLDEN, 'body-steps.txt'));
    const lines = result.stdout.split('\n');
    const text = lines.findIndex((line) => line.includes('Check which keys take the memory with `redis-cli --bigkeys`:'));
    const command = lines.findIndex((line) => line.trim() === 'redis-cli -h cache-primary --bigkeys');
    const expectLine = lines.findIndex((line) => line.trim() === 'expect: a list ending with the `biggest string` found.');
    expect(text).toBeGreaterThan(0);
    expect(command).toBeGreaterThan(text);
    expect(expectLine).toBe(command + 1);
    expect(result.stdout).toContain('expect: `OK`');
  });

  it('writes inline code in a colour of its own on a terminal, without backticks', async () => {
    const text = await onTerminal(['show', 'RedisEvictingKeys'], FIXTURE);
    await expect(text).toMatchFileSnapshot(join(GOLDEN, 'body-steps.color.txt'));
    expect(text).toContain('\u001b[36mredis-cli\u001b[39m \u001b[36m--bigkeys\u001b[39m');
    expect(text).not.toContain('`redis-cli');
  });

  it('prints a recovery written as prose as written, under a quiet note instead of the alarm', async () => {
    const result = await runCli(['show', 'RedisDown'], FIXTURE);
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(join(GOLDEN, 'prose.txt'));
    expect(result.stdout).toContain('Recovery is written as prose (steps not numbered), under Mitigation:');
    expect(result.stdout).not.toContain('No recovery steps are written down');
    expect(result.stdout).toContain('      redis-cli -h cache-replica replicaof no one');
    expect(result.stdout).not.toContain('<b>');
    expect(overlong(result.stdout)).toEqual([]);
  });

  it('prints the whole runbook with --full, Diagnosis commands included, and the prose once', async () => {
    const result = await runCli(['show', 'RedisDown', '--full'], FIXTURE);
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(join(GOLDEN, 'full.txt'));
    expect(result.stdout).toContain('    redis-cli -h cache-primary ping');
    expect(result.stdout).toContain('## Diagnosis');
    expect(result.stdout.match(/Restart the primary/g)).toHaveLength(1);
    expect(result.stdout).not.toContain('# Redis down');
  });

  it('gives the inlines and the prose in --json, and the body with --full', async () => {
    const steps = JSON.parse((await runCli(['show', 'RedisEvictingKeys', '--json'], FIXTURE)).stdout) as {
      runbook: { steps: { text_inlines: unknown[]; expect_inlines: unknown }[]; recovery_prose: unknown; body: unknown };
    };
    expect(steps.runbook.steps[0]?.text_inlines).toContainEqual({ kind: 'code', text: 'redis-cli --bigkeys' });
    expect(steps.runbook.steps[0]?.text_inlines).toContainEqual({ kind: 'strong', children: [{ kind: 'text', text: 'which keys' }] });
    expect(steps.runbook.steps[1]?.expect_inlines).toEqual([{ kind: 'code', text: 'OK' }]);
    expect(steps.runbook.recovery_prose).toBeNull();
    expect(steps.runbook.body).toBeNull();
    const prose = JSON.parse((await runCli(['show', 'RedisDown', '--json', '--full'], FIXTURE)).stdout) as {
      runbook: { recovery_prose: { heading: string; slug: string; blocks: { kind: string }[] }; body: { kind: string }[] };
    };
    expect(prose.runbook.recovery_prose).toMatchObject({ heading: 'Mitigation', slug: 'mitigation' });
    expect(prose.runbook.recovery_prose.blocks.map((block) => block.kind)).toEqual(['paragraph', 'list', 'quote']);
    expect(prose.runbook.body.map((block) => block.kind)).toContain('code');
  });

  it('never lets escape sequences from the file reach the terminal', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'runbook-show-written-'));
    try {
      cpSync(FIXTURE, folder, { recursive: true });
      writeFileSync(
        join(folder, 'runbooks', 'cache', 'redis-down.md'),
        '---\ntitle: Redis down\nalerts: [RedisDown]\n---\n## Mitigation\n\nRun `\u001b[31mrm\u001b]0;x\u0007` **now \u001b[2J**.\n\n```\necho \u001b[1mhi\n```\n',
      );
      for (const argv of [['show', 'RedisDown'], ['show', 'RedisDown', '--full']]) {
        const text = await onTerminal(argv, folder);
        // Only the card's own styles (bold, dim, colours) are escape sequences; the file's are shown as text.
        const ownStyles = new RegExp(`${String.fromCharCode(27)}\\[(?:1|2|22|31|32|33|36|39)m`, 'g');
        expect(text.replace(ownStyles, '')).not.toContain(String.fromCharCode(27));
        expect(text).not.toContain(String.fromCharCode(7));
        expect(text).toContain('\\u001b[31mrm');
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe.runIf(sharedAvailable())('runbook show on adopted corpora', () => {
  const copies: string[] = [];
  afterAll(() => {
    for (const copy of copies) rmSync(copy, { recursive: true, force: true });
  });
  /** A copy of `corpus`, with `config` as its runbook.config.yaml when given (else none: `init` writes it). */
  const copyOf = (corpus: string, config?: string): string => {
    const folder = mkdtempSync(join(tmpdir(), 'runbook-show-corpus-'));
    copies.push(folder);
    cpSync(join(SHARED, 'corpora', corpus), folder, { recursive: true });
    if (config !== undefined) writeFileSync(join(folder, 'runbook.config.yaml'), config);
    return folder;
  };

  it('prints the Mitigation of KubePodCrashLooping, and with --full its Diagnosis commands', async () => {
    const folder = copyOf('prometheus-operator__runbooks', 'root: content/runbooks\nalerts:\n  from_file_name: true\n');
    const result = await runCli(['show', 'KubePodCrashLooping'], folder);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Recovery is written as prose (steps not numbered), under Mitigation:');
    expect(result.stdout).toContain('Talk with developers or read documentation about the app');
    expect(result.stdout).not.toContain('escalate.');
    const full = await runCli(['show', 'KubePodCrashLooping', '--full'], folder);
    expect(full.stdout).toContain('## Diagnosis');
    expect(full.stdout).toContain('Check pod events via `kubectl -n $NAMESPACE describe pod $POD`.');
    expect(overlong(full.stdout)).toEqual([]);
  });

  it('prints the recovery content of "gitaly is down" (its numbered headings as recovery sections)', async () => {
    const sections = ['ensure that the file server is running', 'check the gitaly logs', 'ensure that the gitaly server process is running'];
    const folder = copyOf('mattrussi__gitlab-com-runbooks', `root: docs\nsections:\n  aliases:\n    recovery: [${sections.map((name) => `"${name}"`).join(', ')}]\n`);
    const result = await runCli(['show', 'gitaly is down'], folder);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('Gitaly is down');
    expect(result.stdout).toContain('Recovery is written as prose (steps not numbered)');
    expect(result.stdout).toContain('Is the NFS file server running and accessible?');
    expect(result.stdout).toContain('## 3. Ensure that the Gitaly server process is running');
    expect(result.stdout).toContain('Attempt to restart gitaly service: `sudo gitlab-ctl restart gitaly`');
  }, 120_000);

  it('prints the numbered headings of "gitaly is down" as its recovery with the config `init` writes', async () => {
    const folder = copyOf('mattrussi__gitlab-com-runbooks');
    expect((await runCli(['init'], folder)).code).toBe(0);
    const result = await runCli(['show', 'gitaly is down'], folder);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Recovery as written, in the runbook's numbered sections:");
    expect(result.stdout).toContain('## 1. Ensure that the file server is running');
    expect(result.stdout).toContain('Is the NFS file server running and accessible?');
    expect(result.stdout).toContain('## 2. Check the Gitaly Logs');
    expect(result.stdout).toContain('## 3. Ensure that the Gitaly server process is running');
    expect(result.stdout).not.toContain('escalate.');
  }, 120_000);
});
