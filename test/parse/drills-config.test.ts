import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../src/parse/config.js';

const RULE_IDS = ['stale', 'unrecorded-test'];

function configOf(text: string) {
  return parseConfig(text, '/repo/ops/runbook.config.yaml', { label: 'ops/runbook.config.yaml', ruleIds: RULE_IDS });
}

function problemsOf(text: string): string {
  try {
    configOf(text);
  } catch (error: unknown) {
    return (error as Error).message;
  }
  throw new Error('expected a config error');
}

describe('the `drills` config', () => {
  it('defaults to a `drills` folder beside the config (the working folder without one), no record required', () => {
    expect(configOf('root: runbooks\n').drills).toEqual({ folder: '/repo/ops/drills', requireRecord: false });
    expect(defaultConfig('/work/here').drills).toEqual({ folder: '/work/here/drills', requireRecord: false });
  });

  it('resolves the folder against the config file’s folder', () => {
    expect(configOf('drills:\n  folder: ../game-days\n').drills.folder).toBe('/repo/game-days');
  });

  it('turns `unrecorded-test` on as an error with `require_record: true`, unless `rules:` sets it', () => {
    expect(configOf('drills: {require_record: true}\n').rules.get('unrecorded-test')).toBe('error');
    expect(configOf('drills: {require_record: true}\nrules: {unrecorded-test: warning}\n').rules.get('unrecorded-test')).toBe('warning');
    expect(configOf('drills: {require_record: false}\n').rules.has('unrecorded-test')).toBe(false);
  });

  it('locates a wrong value and quotes it', () => {
    expect(problemsOf('drills:\n  folder: 12\n  require_record: "yes"\n')).toBe(
      'invalid configuration:\n  ops/runbook.config.yaml:2:11: `drills.folder`: expected a folder name, got `12`\n  ops/runbook.config.yaml:3:19: `drills.require_record`: expected `true` or `false`, got `yes`',
    );
    expect(problemsOf('drills: {folder: "  "}\n')).toContain('ops/runbook.config.yaml:1:18: `drills.folder`: expected a folder name, got an empty string');
    expect(problemsOf('drills: {fodler: x}\n')).toContain('`drills`: unknown key `fodler`; did you mean `folder`?');
  });
});

describe('a drills folder holding the runbooks root', () => {
  it('is a located config error (no runbook would be left to read)', () => {
    expect(problemsOf('root: runbooks\ndrills: {folder: .}\n')).toBe(
      'invalid configuration:\n  ops/runbook.config.yaml:2:18: `drills.folder` `.` holds the runbooks root (`root`): expected a folder of its own for the drill records, such as `drills`',
    );
    expect(configOf('root: .\ndrills: {folder: runbooks/drills}\n').drills.folder).toBe('/repo/ops/runbooks/drills');
  });
});
