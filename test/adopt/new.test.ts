import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runCli } from '../cli/run-cli.js';

let folder: string;
beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'runbook-new-'));
  expect((await runCli(['init'], folder)).code).toBe(0);
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** The rule ids `check` reports for one file, in order. */
async function findings(file: string): Promise<readonly string[]> {
  const check = await runCli(['check', '--format', 'json'], folder);
  const report = JSON.parse(check.stdout) as { files: { file: string; diagnostics: { ruleId: string; line: number }[] }[] };
  return report.files.find((entry) => entry.file === file)?.diagnostics.map((diagnostic) => `${diagnostic.line} ${diagnostic.ruleId}`) ?? ['(file not checked)'];
}

const FULL = ['--owner', 'platform', '--service', 'orders-db', '--severity', 'high', '--alert', 'PostgresReplicationLag', 'PostgresReplicaDown'];

describe('runbook new', () => {
  it('creates the runbook under the root, and check reports exactly "never tested" and the placeholders to fill', async () => {
    const created = await runCli(['new', 'database/replica-lag', ...FULL], folder);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('created runbooks/database/replica-lag.md (id database/replica-lag, never tested)');
    const text = readFileSync(join(folder, 'runbooks', 'database', 'replica-lag.md'), 'utf8');
    const frontmatter = parseYaml(text.split('---\n')[1] ?? '') as Record<string, unknown>;
    expect(frontmatter).toEqual({
      title: 'Replica lag',
      owner: 'platform',
      service: 'orders-db',
      severity: 'high',
      last_tested: 'never',
      alerts: ['PostgresReplicationLag', 'PostgresReplicaDown'],
    });
    expect(await findings('runbooks/database/replica-lag.md')).toEqual([
      '7 never-tested',
      '17 placeholder-text',
      '21 placeholder-text',
      '25 placeholder-text',
      '29 placeholder-text',
      '33 placeholder-text',
    ]);
    expect(await findings('runbooks/website-down.md')).toEqual([]);
  });

  it('writes TODO for the fields not given, and says so', async () => {
    const created = await runCli(['new', 'payments/refund-stuck'], folder);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('fill in `owner`, `service`, `severity` (written as TODO)');
    const text = readFileSync(join(folder, 'runbooks', 'payments', 'refund-stuck.md'), 'utf8');
    expect(text).toMatch(/^title: Refund stuck\nowner: TODO\nservice: TODO\nseverity: TODO\n/m);
    expect(text).not.toContain('alerts:');
    const rules = await findings('runbooks/payments/refund-stuck.md');
    expect(rules.slice(0, 6)).toEqual(['3 placeholder-text', '3 unknown-owner', '4 placeholder-text', '5 invalid-value', '5 placeholder-text', '7 never-tested']);
  });

  it('quotes values that YAML would misread', async () => {
    const created = await runCli(['new', 'dns/outage', '--title', 'DNS: provider down #1', '--owner', 'platform', '--service', 'yes', '--severity', 'low'], folder);
    expect(created.code).toBe(0);
    const text = readFileSync(join(folder, 'runbooks', 'dns', 'outage.md'), 'utf8');
    expect(parseYaml(text.split('---\n')[1] ?? '')).toMatchObject({ title: 'DNS: provider down #1', service: 'yes' });
    expect(text).toContain('# DNS: provider down #1\n');
  });

  it('refuses an existing file and leaves it as it was', async () => {
    const path = join(folder, 'runbooks', 'website-down.md');
    const before = readFileSync(path, 'utf8');
    const again = await runCli(['new', 'website-down', ...FULL], folder);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('runbook: not created: runbooks/website-down.md exists, left as it was\n');
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('refuses an id that differs from an existing one only in case', async () => {
    const clash = await runCli(['new', 'Website-Down', ...FULL], folder);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('runbooks/website-down.md already has the id `Website-Down`');
    expect(existsSync(join(folder, 'runbooks', 'Website-Down.md'))).toBe(false);
  });

  it.each([
    ['../escape', '`..` is not allowed'],
    ['a//b', 'an empty folder name'],
    ['database/lag.md', 'give it without the extension: `database/lag`'],
    ['.hidden', 'must not start with `.`'],
    ['two words', '`two words` may hold only letters'],
    ['/abs/path', 'not an absolute one'],
    ['drafts/idea', 'matches `exclude` (drafts/**) in the config'],
    ['', 'expected a path such as `database/primary-down`'],
  ])('refuses the invalid id %j', async (id, reason) => {
    const result = await runCli(['new', id, ...FULL], folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('runbook: not created: invalid id');
    expect(result.stderr).toContain(reason);
  });

  it('refuses an owner that is not a team and a severity that is not configured, suggesting the closest', async () => {
    const result = await runCli(['new', 'x/y', '--owner', 'platfrom', '--severity', 'sev1'], folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('unknown team `platfrom`; did you mean `platform`? (the config lists `platform`)');
    expect(result.stderr).toContain('unknown severity `sev1` (the config lists `critical`, `high`, `medium`, `low`)');
    expect(existsSync(join(folder, 'runbooks', 'x'))).toBe(false);
  });

  it('uses the template the config names in `new.template`', async () => {
    writeFileSync(join(folder, 'my-template.md.hbs'), '---\ntitle: {{yaml title}}\nowner: {{yaml owner}}\nservice: {{yaml service}}\nseverity: {{yaml severity}}\nlast_tested: never\n---\n# {{title}}\n\nOur own layout for {{id}}.\n');
    appendFileSync(join(folder, 'runbook.config.yaml'), '\nnew:\n  template: my-template.md.hbs\n');
    const created = await runCli(['new', 'queues/backlog', ...FULL], folder);
    expect(created.code).toBe(0);
    expect(readFileSync(join(folder, 'runbooks', 'queues', 'backlog.md'), 'utf8')).toContain('Our own layout for queues/backlog.');
  });

  it('fails (exit 2) on a template whose frontmatter does not parse, writing nothing', async () => {
    writeFileSync(join(folder, 'broken.md.hbs'), 'no frontmatter at all: {{title}}\n');
    appendFileSync(join(folder, 'runbook.config.yaml'), '\nnew:\n  template: broken.md.hbs\n');
    const result = await runCli(['new', 'queues/backlog', ...FULL], folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('broken.md.hbs does not give a runbook whose frontmatter parses');
    expect(existsSync(join(folder, 'runbooks', 'queues', 'backlog.md'))).toBe(false);
  });
});

describe('runbook schema', () => {
  it('prints the shipped frontmatter schema by default, and the config schema when asked', async () => {
    const frontmatter = await runCli(['schema'], folder);
    expect(frontmatter.code).toBe(0);
    expect(frontmatter.stdout).toBe(readFileSync(join(import.meta.dirname, '..', '..', 'schemas', 'frontmatter.schema.json'), 'utf8'));
    const config = await runCli(['schema', 'config'], folder);
    expect(config.stdout).toBe(readFileSync(join(import.meta.dirname, '..', '..', 'schemas', 'config.schema.json'), 'utf8'));
  });

  it('follows a config with --config: its teams become the allowed owners', async () => {
    const result = await runCli(['schema', 'frontmatter', '--config', 'runbook.config.yaml'], folder);
    const schema = JSON.parse(result.stdout) as { properties: { owner: { enum: string[] } } };
    expect(schema.properties.owner.enum).toEqual(['platform']);
  });

  it('refuses an unknown schema name (exit 2)', async () => {
    const result = await runCli(['schema', 'runbook'], folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown schema `runbook`, expected `frontmatter` or `config`');
  });
});
