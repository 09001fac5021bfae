import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Help } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { commandNameIn, COMMANDS } from '../../src/cli/commands.js';
import type { Io } from '../../src/io/io.js';
import { runCli } from './run-cli.js';

const io: Io = {
  cwd: '/',
  env: {},
  stdout: { write: () => undefined, isTTY: false },
  stderr: { write: () => undefined, isTTY: false },
  now: () => new Date('2026-11-27T12:00:00Z'),
};

const empty = mkdtempSync(join(tmpdir(), 'runbook-commands-'));
afterAll(() => {
  rmSync(empty, { recursive: true, force: true });
});

describe('the list of commands', () => {
  it.each(COMMANDS.map((entry) => [entry.name, entry] as const))('%s is listed as the loaded command describes itself', async (name, entry) => {
    const command = (await entry.load())(io, () => undefined);
    expect(command.name()).toBe(name);
    expect(entry.term).toBe(new Help().subcommandTerm(command));
    expect(entry.summary).toBe(command.summary());
  });

  it('lists every command once', () => {
    const names = COMMANDS.map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('finds the command a command line runs, after help too', () => {
    expect(commandNameIn(['check', '--format', 'json'])).toBe('check');
    expect(commandNameIn(['help', 'show'])).toBe('show');
    expect(commandNameIn(['--', 'build'])).toBe('build');
    expect(commandNameIn(['--version'])).toBeUndefined();
    expect(commandNameIn([])).toBeUndefined();
  });

  it('runs a command given after --, as commander dispatches it', async () => {
    const result = await runCli(['--', 'schema', 'config'], empty);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"$schema"');
  });

  it('prints a command\'s own help after help <command>, and the list with every command', async () => {
    const own = await runCli(['help', 'show'], empty);
    expect(own.stdout).toContain('Usage: runbook show [options] <query...>');
    const list = await runCli(['--help'], empty);
    for (const entry of COMMANDS) expect(list.stdout).toContain(`  ${entry.term}`);
  });
});
