import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { INIT_FILES } from '../../src/adopt/init-files.js';
import { configSchema } from '../../src/parse/config-schema.js';
import { BUILT_IN_TEMPLATES } from '../../src/io/templates.js';
import { runCli } from '../cli/run-cli.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'runbook-init-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** Every file under `root` with its bytes and modification time. */
function snapshot(root: string): ReadonlyMap<string, string> {
  return new Map(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [path, `${statSync(path).mtimeMs} ${readFileSync(path, 'base64')}`] as const;
      }),
  );
}

describe('runbook init', () => {
  it('in an empty folder writes the config, an example runbook and both CI files, and check then exits 0', async () => {
    const init = await runCli(['init'], folder);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('4 written, 0 skipped');
    for (const file of INIT_FILES) {
      expect(init.stdout).toContain(`wrote    ${file.target}`);
      expect(existsSync(join(folder, file.target)), file.target).toBe(true);
    }
    const check = await runCli(['check'], folder);
    expect(check.stderr).toBe('');
    expect(check.stdout).toContain('✔');
    expect(check.code).toBe(0);
  });

  it('run twice changes nothing and lists every file as skipped', async () => {
    await runCli(['init'], folder);
    const before = snapshot(folder);
    const again = await runCli(['init'], folder);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 written, 4 skipped');
    for (const file of INIT_FILES) expect(again.stdout).toContain(`skipped  ${file.target} (exists, left as it was)`);
    expect(snapshot(folder)).toEqual(before);
  });

  it('leaves an existing .gitlab-ci.yml alone, and counts a config in another format as the config', async () => {
    writeFileSync(join(folder, '.gitlab-ci.yml'), 'test:\n  script: [make test]\n');
    writeFileSync(join(folder, 'runbook.config.json'), '{"root": "runbooks"}\n');
    const init = await runCli(['init'], folder);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('skipped  .gitlab-ci.yml (exists, left as it was)');
    expect(init.stdout).toContain('skipped  runbook.config.yaml (runbook.config.json exists, left as it was)');
    expect(init.stdout).toContain('wrote    .github/workflows/runbooks.yml');
    expect(readFileSync(join(folder, '.gitlab-ci.yml'), 'utf8')).toBe('test:\n  script: [make test]\n');
    expect(existsSync(join(folder, 'runbook.config.yaml'))).toBe(false);
  });

  it('sets up the folder given as an argument, creating it', async () => {
    const init = await runCli(['init', 'ops/runbooks'], folder);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('runbook init in ops/runbooks: 4 written');
    expect(existsSync(join(folder, 'ops', 'runbooks', 'runbook.config.yaml'))).toBe(true);
    expect((await runCli(['check'], join(folder, 'ops', 'runbooks'))).code).toBe(0);
  });

  it('fails (exit 2) naming the file when it cannot write', async () => {
    mkdirSync(join(folder, '.github'));
    writeFileSync(join(folder, '.github', 'workflows'), 'a file where a folder should be');
    const init = await runCli(['init'], folder);
    expect(init.code).toBe(2);
    expect(init.stderr).toContain('.github/workflows/runbooks.yml');
  });
});

describe('the files init writes', () => {
  it('the config explains every key of the config schema', () => {
    const text = readFileSync(join(BUILT_IN_TEMPLATES, 'init', 'runbook.config.yaml.hbs'), 'utf8');
    for (const key of Object.keys(configSchema.shape)) {
      expect(text, `\`${key}\` is not in templates/init/runbook.config.yaml.hbs`).toMatch(new RegExp(`^(?:# )?${key}:`, 'm'));
    }
  });

  it('the GitHub workflow checks with full history and annotations, summarises, runs nightly and publishes the site', async () => {
    await runCli(['init'], folder);
    const text = readFileSync(join(folder, '.github', 'workflows', 'runbooks.yml'), 'utf8');
    const workflow = parseYaml(text) as { on: Record<string, unknown>; jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown>; run?: string }[] }> };
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['pull_request', 'schedule']));
    expect(Object.keys(workflow.jobs)).toEqual(['check', 'nightly', 'site', 'pages']);
    const check = workflow.jobs.check?.steps ?? [];
    expect(check.find((step) => step.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth']).toBe(0);
    expect(check.map((step) => step.run ?? '').join('\n')).toMatch(/check --format github[\s\S]*GITHUB_STEP_SUMMARY/);
    expect(workflow.jobs.site?.steps.map((step) => step.uses ?? step.run)).toContain('actions/upload-pages-artifact@v3');
    expect(text).not.toContain('{{');
  });

  it('the GitHub workflow installs runbook with npm ci from the project, never npx --yes runbook@', async () => {
    await runCli(['init'], folder);
    const text = readFileSync(join(folder, '.github', 'workflows', 'runbooks.yml'), 'utf8');
    const workflow = parseYaml(text) as { env: Record<string, string>; jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown>; run?: string }[] }> };
    expect(text).not.toContain('npx --yes runbook@');
    expect(text).toMatch(/^# {3}npm install --save-dev \.\/vendor\/runbook-\d+\.\d+\.\d+\.tgz/m);
    expect(text).toContain('`npm init -y`');
    expect(workflow.env.RUNBOOK).toBe('node_modules/.bin/runbook');
    const withRunbook = Object.entries(workflow.jobs).filter(([, job]) => job.steps.some((step) => step.run?.includes('$RUNBOOK')));
    expect(withRunbook.map(([name]) => name)).toEqual(['check', 'nightly', 'site']);
    for (const [name, job] of withRunbook) {
      const steps = job.steps.map((step) => step.uses?.replace(/@.*/, '') ?? (step.run?.includes('$RUNBOOK') ? '$RUNBOOK' : step.run));
      expect(steps.slice(0, 4), name).toEqual(['actions/checkout', 'actions/setup-node', 'npm ci --no-audit --no-fund', '$RUNBOOK']);
    }
  });

  it('the GitLab file has full history, Code Quality and JUnit reports, and a pages job', async () => {
    await runCli(['init'], folder);
    const ci = parseYaml(readFileSync(join(folder, '.gitlab-ci.yml'), 'utf8')) as Record<string, { script?: string[]; artifacts?: { reports?: Record<string, string>; paths?: string[] } } & Record<string, unknown>>;
    expect(ci.variables?.GIT_DEPTH).toBe(0);
    expect(ci.runbooks?.artifacts?.reports).toEqual({ codequality: 'gl-code-quality-report.json', junit: 'runbooks-junit.xml' });
    expect(ci.runbooks?.script?.join('\n')).toMatch(/--format junit[\s\S]*--format gitlab/);
    expect(ci.pages?.artifacts?.paths).toEqual(['public']);
    expect(ci.pages?.script?.join('\n')).toContain('build --out public');
  });

  it('the GitLab jobs install runbook with npm ci from the project, never npx --yes runbook@', async () => {
    await runCli(['init'], folder);
    const text = readFileSync(join(folder, '.gitlab-ci.yml'), 'utf8');
    const ci = parseYaml(text) as Record<string, { image?: string; extends?: string; before_script?: string[]; script?: string[] } & Record<string, unknown>>;
    expect(text).not.toContain('npx --yes runbook@');
    expect(text).toMatch(/^# {3}npm install --save-dev git\+https:\/\/\S+#v\d+\.\d+\.\d+/m);
    expect(ci.variables?.RUNBOOK).toBe('node_modules/.bin/runbook');
    expect(ci['.runbook']).toEqual({ image: 'node:20', before_script: ['npm ci --no-audit --no-fund'] });
    for (const name of ['runbooks', 'runbooks:nightly', 'pages']) expect(ci[name]?.extends, name).toBe('.runbook');
  });
});
