/**
 * Regression tests: `alerts.rules` is written by the repository, which may be a hostile pull
 * request. It must not make `coverage` or `check` read files outside the repository (the git work
 * tree holding the config file, or the config file's folder when there is none)
 * (absolute paths, `..`, symlinks leading out), and no message may carry a file's content whole
 * into a log or a GitHub annotation.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRuleFile } from '../../src/check/coverage/rule-file.js';
import { runCli } from '../cli/run-cli.js';

/** A secret outside the repository: one long line, as `/proc/self/environ` or a private key is to YAML. */
const SECRET = `AWS_SECRET_ACCESS_KEY=${'s3cr3t'.repeat(20)}\u001b]52;c;ZWNobyBwd25lZA==\u0007`;

const RUNBOOK = `---\ntitle: Node down\nowner: platform\nservice: nodes\nseverity: low\nlast_tested: 2026-11-01\nalerts: [NodeDown]\n---\n## Summary\nx\n## Impact\nx\n## Diagnosis\nx\n## Recovery\n1. Reboot the node.\n`;
const RULES = 'groups:\n  - name: node\n    rules:\n      - alert: NodeDown\n        expr: up == 0\n        annotations:\n          runbook_url: https://runbooks.example.com/alerts/nodedown/\n';

/** A folder holding `secret.env` beside a repository `repo/` with a runbook and `files`. */
function workspace(files: Readonly<Record<string, string>>): { readonly repo: string; readonly secret: string } {
  const top = mkdtempSync(join(tmpdir(), 'runbook-rule-files-'));
  const secret = join(top, 'secret.env');
  writeFileSync(secret, SECRET);
  const repo = join(top, 'repo');
  for (const [path, text] of Object.entries({ 'runbooks/node-down.md': RUNBOOK, ...files })) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  return { repo, secret };
}

function config(rules: readonly string[]): string {
  return `root: runbooks\nalerts:\n  rules: ${JSON.stringify(rules)}\n`;
}

/** `coverage --format github` in `repo`: what a pull request's annotations would show. */
async function annotations(repo: string, extra: readonly string[] = []): Promise<{ readonly code: number; readonly output: string }> {
  const result = await runCli(['coverage', '--format', 'github', ...extra], repo);
  return { code: result.code, output: result.stdout + result.stderr };
}

function expectNoSecret(output: string): void {
  expect(output).not.toContain('s3cr3t');
  expect(output).not.toContain('AWS_SECRET');
  expect(output).not.toContain('\u001b');
}

describe('alert rule files named by the repository stay inside it', () => {
  it('does not read an absolute `alerts.rules` path outside the repository (/proc/self/environ, a key)', async () => {
    const { repo, secret } = workspace({});
    writeFileSync(join(repo, 'runbook.config.yaml'), config([secret]));
    const { code, output } = await annotations(repo);
    expectNoSecret(output);
    expect(output).toContain('::error file=');
    expect(output).toContain("secret.env` is outside the repository `.` (the config file's folder, which is in no git work tree), so it is not read");
    expect(code).toBe(1);
  });

  it('does not read an `alerts.rules` path climbing out with `..`, nor walk a glob whose folder is outside', async () => {
    const { repo, secret } = workspace({});
    writeFileSync(join(repo, 'runbook.config.yaml'), config(['../secret.env', 'monitoring/../../*.env', '/etc/**/*.conf']));
    const { output } = await annotations(repo);
    expectNoSecret(output);
    expect(output).toContain(`::error file=${secret},`);
    expect(output).toContain(`\`${secret}\` is outside the repository \`.\``);
    expect(output).toContain(`\`${dirname(secret)}\` is outside the repository \`.\``);
    expect(output).toContain('`/etc` is outside the repository `.`');
  });

  it('does not follow a symlinked rule file, named or found by a glob, to a file outside the repository', async () => {
    const { repo, secret } = workspace({ 'monitoring/node.yaml': RULES });
    symlinkSync(secret, join(repo, 'monitoring', 'leak.yaml'));
    symlinkSync('../secret.env', join(repo, 'rules.yaml'));
    writeFileSync(join(repo, 'runbook.config.yaml'), config(['monitoring/*.yaml', 'rules.yaml']));
    const { output } = await annotations(repo);
    expectNoSecret(output);
    expect(output).toContain('file=monitoring/leak.yaml');
    expect(output).toContain("`monitoring/leak.yaml` is outside the repository `.` (the config file's folder, which is in no git work tree)");
    expect(output).toContain('`rules.yaml` is outside the repository `.`');
    expect(output).not.toContain('file=monitoring/node.yaml');
  });

  it('does not follow a symlinked folder of rule files out of the repository', async () => {
    const { repo, secret } = workspace({});
    mkdirSync(join(dirname(secret), 'elsewhere'));
    writeFileSync(join(dirname(secret), 'elsewhere', 'private.yaml'), SECRET);
    symlinkSync(join(dirname(secret), 'elsewhere'), join(repo, 'monitoring'));
    writeFileSync(join(repo, 'runbook.config.yaml'), config(['monitoring/*.yaml']));
    const { output } = await annotations(repo);
    expectNoSecret(output);
    expect(output).toContain('`monitoring/private.yaml` is outside the repository `.`');
  });

  it('still reads rule files inside the repository, through symlinks that stay inside', async () => {
    const { repo } = workspace({ 'deploy/node.yaml': RULES });
    mkdirSync(join(repo, 'monitoring'));
    symlinkSync('../deploy/node.yaml', join(repo, 'monitoring', 'node.yaml'));
    writeFileSync(join(repo, 'runbook.config.yaml'), config(['monitoring/*.yaml']));
    const result = await runCli(['coverage', '--format', 'concise'], repo);
    expect(result).toMatchObject({ code: 0, stdout: '' });
  });

  it('does not read a file inside the repository\'s `.git` folder (credentials of actions/checkout) or node_modules', async () => {
    const { repo } = workspace({ '.git/config': `[http]\n\textraheader = AUTHORIZATION: basic ${'s3cr3t'.repeat(5)}\n`, 'node_modules/x/rules.yaml': RULES });
    writeFileSync(join(repo, 'runbook.config.yaml'), config(['.git/config', 'node_modules/x/rules.yaml']));
    const { output } = await annotations(repo);
    expectNoSecret(output);
    expect(output).toContain('`.git/config` is inside `.git`, which holds no rule files (and may hold credentials), so it is not read');
    expect(output).toContain('`node_modules/x/rules.yaml` is inside `node_modules`');
  });

  it('reads rule files anywhere in the git work tree holding the config, as `root` may be', async () => {
    const { repo, secret } = workspace({ 'monitoring/node.yaml': RULES, 'docs/runbook.config.yaml': 'root: ../runbooks\nalerts:\n  rules: [../monitoring/*.yaml, ../../secret.env]\n' });
    mkdirSync(join(repo, '.git'));
    const result = await runCli(['coverage', '--format', 'concise'], join(repo, 'docs'));
    expectNoSecret(result.stdout + result.stderr);
    expect(result.stdout).toBe(
      `${secret}:1:1: error \`${secret}\` is outside the repository \`${repo}\` (the git work tree holding the config file), so it is not read: ` +
        '`alerts.rules` may only name files inside it, and a symlink must lead inside it too; name other rule files with `runbook coverage --rules` (alert-rules-invalid)\n',
    );
  });

  it('refuses the same files in `check`, where `alerts.rules` also applies', async () => {
    const { repo, secret } = workspace({});
    writeFileSync(join(repo, 'runbook.config.yaml'), config([secret]));
    const result = await runCli(['check', '--format', 'github', '--no-git', '--no-cache', '--today', '2026-11-27'], repo);
    expectNoSecret(result.stdout + result.stderr);
    expect(result.stdout).toContain("secret.env` is outside the repository `.` (the config file's folder, which is in no git work tree)");
  });

  it('reads a file outside the repository that the user names with --rules, but no symlink a --rules glob finds leading out', async () => {
    const { repo, secret } = workspace({ 'runbook.config.yaml': 'root: runbooks\n' });
    writeFileSync(join(dirname(secret), 'node.yaml'), RULES);
    const named = await runCli(['coverage', '--format', 'concise', '--rules', join(dirname(secret), 'node.yaml')], repo);
    expect(named).toMatchObject({ code: 0, stdout: '' });
    mkdirSync(join(repo, 'monitoring'));
    symlinkSync(secret, join(repo, 'monitoring', 'leak.yaml'));
    const globbed = await annotations(repo, ['--rules', 'monitoring/*.yaml']);
    expectNoSecret(globbed.output);
    expect(globbed.output).toContain('`monitoring/leak.yaml` is a symlink leading outside `monitoring` (the folder the glob searches)');
  });
});

describe('messages about a file that is not a rule file', () => {
  it('do not quote a file that is one text value (a token, an .npmrc line) at all', () => {
    const file = parseRuleFile(SECRET, 'secret.env');
    expect(file.problems.map((problem) => problem.value)).toEqual([
      'Expected a Prometheus rule file (a mapping with `groups:`) or a Kubernetes `PrometheusRule`, found one text value, not a mapping',
    ]);
  });

  it('quote at most 60 printable characters of a value where a list or mapping was expected', () => {
    const file = parseRuleFile(`groups: ${JSON.stringify(SECRET)}\n`, 'rules.yaml');
    const [message = ''] = file.problems.map((problem) => problem.value);
    expect(message).toMatch(/^`groups` is `AWS_SECRET_ACCESS_KEY=(s3cr3t)+s?3?c?r?3?…`, expected a list of rule groups$/);
    const quoted = /is `(.*)`, expected/.exec(message)?.[1] ?? '';
    expect(Array.from(quoted)).toHaveLength(60);
    expect(message).not.toContain('\u001b');
  });

  it('keep a quoted alert name or YAML parser message short and printable too', () => {
    const long = `\u001b]8;;https://evil.example/\u0007${'x'.repeat(500)}`;
    const badName = parseRuleFile(`groups:\n  - rules:\n      - alert: ${JSON.stringify(long)}\n`, 'a.yaml');
    expect(badName.problems).toEqual([]);
    const badTag = parseRuleFile(`groups: !${'t'.repeat(500)} x\n`, 'b.yaml');
    for (const problem of badTag.problems) {
      expect(problem.value.length).toBeLessThan(200);
      expect(problem.value).not.toContain('\u001b');
    }
    const scalarAlert = parseRuleFile(`groups:\n  - rules:\n      - alert: [${JSON.stringify(long)}]\n`, 'c.yaml');
    for (const problem of scalarAlert.problems) expect(problem.value).not.toContain('\u001b');
  });
});
