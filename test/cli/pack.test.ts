import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../shared.js';

/**
 * The package as users get it: `npm pack` (which runs `prepare`, compiling src/ into dist/) in a
 * copy of the checkout, so the checkout's own dist/ is never touched while other tests use it;
 * then `npm install <tarball>` into an empty folder, and the installed bin run. Needs the npm
 * registry for the runtime dependencies: without it the test is skipped with a loud reason,
 * except in CI, where it fails.
 */
/** Top-level folders of the checkout that are not sources (and may be large). */
const EXCLUDED = new Set(['node_modules', 'dist', '.git', 'site', 'coverage', '.runbook-cache', 'public', 'cheatsheets']);
const packageJson = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

let work: string;
let stage: string;
let app: string;
let installed: { readonly kind: 'ok' } | { readonly kind: 'unavailable'; readonly reason: string };

/** The environment without the `npm_*` variables of an `npm test` run around this one. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
}

function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, [...args], { cwd, encoding: 'utf8', env: cleanEnv(), timeout: 280_000 });
  if (result.error !== undefined) throw new Error(`${command} ${args.join(' ')} could not run`, { cause: result.error });
  return result;
}

function mustRun(command: string, args: readonly string[], cwd: string): string {
  const result = run(command, args, cwd);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

const NETWORK = /E(?:NOTFOUND|AI_AGAIN|CONNREFUSED|CONNRESET|TIMEDOUT|NETUNREACH)|network|fetch failed/i;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'runbook-pack-'));
  stage = join(work, 'stage');
  app = join(work, 'app');
  cpSync(PROJECT_ROOT, stage, {
    recursive: true,
    filter: (source) => !EXCLUDED.has(relative(PROJECT_ROOT, source).split(sep)[0] ?? '') && !source.endsWith('.tgz'),
  });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(stage, 'node_modules'), 'dir');
  const packed = JSON.parse(mustRun('npm', ['pack', '--json', '--pack-destination', work], stage)) as { filename: string }[];
  const tarball = join(work, packed[0]?.filename ?? 'missing.tgz');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true }\n');
  const install = run('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], app);
  if (install.status === 0) installed = { kind: 'ok' };
  else if (NETWORK.test(install.stderr)) installed = { kind: 'unavailable', reason: install.stderr.trim().split('\n').slice(-3).join(' ') };
  else throw new Error(`npm install ${tarball} exited ${install.status}:\n${install.stderr}`);
}, 300_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** Whether the tarball could be installed; when the registry is unreachable, skips loudly (fails in CI). */
function installedOrSkip(): boolean {
  if (installed.kind === 'ok') return true;
  const reason = `the npm registry is unreachable (${installed.reason}): skipping the installed-package tests`;
  if (process.env.CI === 'true') throw new Error(`${reason} is not allowed in CI`);
  console.warn(`\n*** ${reason} ***\n`);
  return false;
}

describe('the npm package', { timeout: 120_000 }, () => {
  it('compiled code imports only Node built-ins and runtime dependencies', () => {
    const allowed = new Set([...Object.keys(packageJson.dependencies), ...builtinModules]);
    const files = readdirSync(join(stage, 'dist'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.js'));
    expect(files.length).toBeGreaterThan(50);
    const outside: string[] = [];
    for (const entry of files) {
      const path = join(entry.parentPath, entry.name);
      for (const match of readFileSync(path, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const specifier = match[1] ?? match[2] ?? '';
        if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? '');
        if (!allowed.has(name)) outside.push(`${relative(stage, path)}: ${specifier}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('installs into an empty folder with the runtime dependencies only', () => {
    if (!installedOrSkip()) return;
    const modules = join(app, 'node_modules');
    expect(existsSync(join(modules, 'runbook', 'dist', 'cli', 'main.js'))).toBe(true);
    expect(existsSync(join(modules, 'runbook', 'schemas', 'frontmatter.schema.json'))).toBe(true);
    for (const name of Object.keys(packageJson.dependencies)) expect(existsSync(join(modules, name)), name).toBe(true);
    // `@types/*` come along with the runtime dependencies that declare them; the tool chain must not.
    const tools = Object.keys(packageJson.devDependencies).filter((name) => !name.startsWith('@types/'));
    expect(tools).toContain('typescript');
    for (const name of tools) expect(existsSync(join(modules, name)), `devDependency ${name} installed`).toBe(false);
  });

  it('runs: --help lists every command, --version prints the version', () => {
    if (!installedOrSkip()) return;
    const help = mustRun('npx', ['--no-install', 'runbook', '--help'], app);
    for (const command of ['check', 'build', 'serve', 'show', 'tested', 'cheatsheet', 'init', 'new', 'schema']) expect(help).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    expect(mustRun(join(app, 'node_modules', '.bin', 'runbook'), ['--version'], app).trim()).toBe(packageJson.version);
  });

  it('init, then check, exits 0; new, then check, exits 1 with the runbook to finish', () => {
    if (!installedOrSkip()) return;
    const bin = join(app, 'node_modules', '.bin', 'runbook');
    const project = join(work, 'project');
    mkdirSync(project);
    expect(mustRun(bin, ['init'], project)).toContain('4 written, 0 skipped');
    expect(mustRun(bin, ['check'], project)).toContain('no problems');
    mustRun(bin, ['new', 'queues/backlog', '--owner', 'platform', '--service', 'queue', '--severity', 'low'], project);
    const check = run(bin, ['check', '--format', 'concise'], project);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('runbooks/queues/backlog.md:7:14: error Never tested');
  });
});
