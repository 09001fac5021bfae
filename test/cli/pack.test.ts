import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../shared.js';

/**
 * The package as users get it today, following the README's Install section as written: its
 * commands are read from README.md by their `<!-- install:… -->` markers and run in a shell, so
 * this test breaks when the README drifts. The only substitution is the git URL, which points at
 * a git repository made from a copy of this checkout (the working tree, tagged `v<version>`).
 * `install:checkout` clones it beside the apps, `npm ci` and `npm pack` there; each install block
 * then runs in an empty app folder beside that checkout (so `../runbook/…` is right as written),
 * followed by `install:run` on a tiny collection. Needs the npm registry (or npm's cache) for the
 * dependencies: without it the tests are skipped with a loud reason, except in CI, where they fail.
 */
/** Top-level folders of the checkout that are not sources (and may be large). */
const EXCLUDED = new Set(['node_modules', 'dist', '.git', 'site', 'coverage', '.runbook-cache', 'public', 'cheatsheets']);
const packageJson = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const README = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
/** The URL the README clones and installs from; replaced by the local git repository. */
const README_GIT_URL = 'https://github.com/OWNER/runbook.git';
const TARBALL = `runbook-${packageJson.version}.tgz`;
/** The folders a published package may hold (besides package.json, README.md and LICENSE). */
const PUBLISHED_FOLDERS = ['bin', 'dist', 'docs', 'schemas', 'templates'];

type Outcome = { readonly kind: 'ok'; readonly stderr: string } | { readonly kind: 'unavailable'; readonly reason: string };

let work: string;
let source: string;
let checkout: string;
let packed: Outcome = { kind: 'unavailable', reason: 'the README checkout did not run' };

/** The environment without the `npm_*` variables of an `npm test` run around this one; npm quiet and cache first. */
function cleanEnv(): NodeJS.ProcessEnv {
  const outer = Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_'));
  return { ...Object.fromEntries(outer), npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
}

function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, [...args], { cwd, encoding: 'utf8', env: cleanEnv(), timeout: 400_000 });
  if (result.error !== undefined) throw new Error(`${command} ${args.join(' ')} could not run`, { cause: result.error });
  return result;
}

function mustRun(command: string, args: readonly string[], cwd: string): string {
  const result = run(command, args, cwd);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** The shell lines of the README's code block after `<!-- install:<name> -->`. */
function readmeBlock(name: string): readonly string[] {
  const match = new RegExp(`<!-- install:${name} -->\\n\`\`\`sh\\n([\\s\\S]*?)\`\`\``).exec(README);
  if (match?.[1] === undefined) throw new Error(`README.md has no \`<!-- install:${name} -->\` followed by a \`\`\`sh block`);
  return match[1].split('\n').filter((line) => line.trim() !== '');
}

/** A README block as a script, with the git URL pointing at the local repository. */
function readmeScript(name: string): string {
  return readmeBlock(name)
    .map((line) => line.replaceAll(README_GIT_URL, `file://${source}`))
    .join('\n');
}

const NETWORK = /E(?:NOTFOUND|AI_AGAIN|CONNREFUSED|CONNRESET|TIMEDOUT|NETUNREACH)|network|fetch failed/i;

/** Runs a README block in `cwd`; a failure for want of the registry is an outcome, any other a thrown error. */
function runBlock(name: string, cwd: string): Outcome {
  const result = run('sh', ['-e', '-c', readmeScript(name)], cwd);
  if (result.status === 0) return { kind: 'ok', stderr: result.stderr };
  if (NETWORK.test(result.stderr)) return { kind: 'unavailable', reason: result.stderr.trim().split('\n').slice(-3).join(' ') };
  throw new Error(`README install:${name} exited ${result.status} in ${cwd}:\n${result.stdout}\n${result.stderr}`);
}

/** Whether an install worked; when the registry is unreachable, skips loudly (fails in CI). */
function availableOrSkip(outcome: Outcome): boolean {
  if (outcome.kind === 'ok') return true;
  const reason = `the npm registry is unreachable (${outcome.reason}): skipping the installed-package tests`;
  if (process.env.CI === 'true') throw new Error(`${reason} is not allowed in CI`);
  console.warn(`\n*** ${reason} ***\n`);
  return false;
}

/** The calendar date `days` ago, as the runbook format writes it. */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** An empty project beside the checkout, holding only package.json and a one-runbook collection that passes `check`. */
function newApp(name: string): string {
  const app = join(work, name);
  mkdirSync(join(app, 'runbooks'), { recursive: true });
  writeFileSync(join(app, 'package.json'), `{ "name": "${name}", "private": true }\n`);
  writeFileSync(join(app, 'runbook.config.yaml'), 'root: runbooks\n');
  // The clean check fixture's runbook, tested two days ago so that it is not stale.
  const runbook = readFileSync(join(PROJECT_ROOT, 'test', 'fixtures', 'check', 'clean', 'disk-full.md'), 'utf8');
  writeFileSync(join(app, 'runbooks', 'disk-full.md'), runbook.replace(/^last_tested: .*$/m, `last_tested: ${daysAgo(2)}`));
  return app;
}

/** `install:run`, line by line, in `app`: `--version` prints the version, `check` passes the tiny collection. */
function expectRunsInstalled(app: string): void {
  const [version, check, ...rest] = readmeBlock('run');
  expect(version).toMatch(/^npx runbook --version\b/);
  expect(check).toMatch(/^npx runbook check\b/);
  expect(rest).toEqual([]);
  expect(mustRun('sh', ['-c', version ?? ''], app).trim()).toBe(packageJson.version);
  expect(mustRun('sh', ['-c', check ?? ''], app)).toContain('no problems');
}

/** The files in the tarball `npm pack` wrote in the checkout, as paths inside the package. */
function tarballFiles(): readonly string[] {
  return mustRun('tar', ['-tzf', TARBALL], checkout)
    .split('\n')
    .filter((line) => line !== '' && !line.endsWith('/'))
    .map((line) => line.replace(/^package\//, ''));
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'runbook-pack-'));
  source = join(work, 'source');
  checkout = join(work, 'runbook');
  cpSync(PROJECT_ROOT, source, {
    recursive: true,
    filter: (path) => !EXCLUDED.has(relative(PROJECT_ROOT, path).split(sep)[0] ?? '') && !path.endsWith('.tgz'),
  });
  const git = ['-c', 'user.name=runbook test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false'];
  mustRun('git', ['init', '--quiet'], source);
  mustRun('git', ['add', '--all'], source);
  mustRun('git', [...git, 'commit', '--quiet', '--no-verify', '--message', 'the working tree under test'], source);
  mustRun('git', [...git, 'tag', `v${packageJson.version}`], source);
  // Cloned into work/runbook, as written; the tarball is built there.
  packed = runBlock('checkout', work);
}, 600_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
}, 120_000);

describe('the README install section', () => {
  it('names the version and the tarball npm pack writes', () => {
    expect(readmeBlock('checkout').join('\n')).toContain(README_GIT_URL);
    expect(readmeBlock('checkout').join('\n')).toContain(`git checkout v${packageJson.version}`);
    expect(readmeBlock('tarball').join('\n')).toContain(`../runbook/${TARBALL}`);
    expect(readmeBlock('git').join('\n')).toContain(`git+${README_GIT_URL}#v${packageJson.version}`);
    expect(readmeBlock('git').join('\n')).toContain(`allowScripts[git+${README_GIT_URL}]=true`);
    if (!availableOrSkip(packed)) return;
    expect(existsSync(join(checkout, TARBALL))).toBe(true);
  });
});

describe('the npm package', { timeout: 120_000 }, () => {
  it('compiled code imports only Node built-ins and runtime dependencies', () => {
    if (!availableOrSkip(packed)) return;
    const allowed = new Set([...Object.keys(packageJson.dependencies), ...builtinModules]);
    const files = readdirSync(join(checkout, 'dist'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.js'));
    // Bundled (scripts/build.mjs): the dependencies' code is inside; only playwright-core stays an import.
    expect(files.map((entry) => entry.name)).toEqual(expect.arrayContaining(['main.js', 'io.js', 'parse-worker.js']));
    const outside: string[] = [];
    for (const entry of files) {
      const path = join(entry.parentPath, entry.name);
      for (const match of readFileSync(path, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const specifier = match[1] ?? match[2] ?? '';
        if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? '');
        if (!allowed.has(name)) outside.push(`${relative(checkout, path)}: ${specifier}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('the tarball holds dist/ as scripts/build.mjs bundles the sources (no stale files, no maps), and no src/ or tests', () => {
    if (!availableOrSkip(packed)) return;
    const files = tarballFiles();
    const folders = new Set(files.filter((file) => file.includes('/')).map((file) => file.split('/')[0]));
    expect([...folders].sort()).toEqual(PUBLISHED_FOLDERS);
    expect(files.filter((file) => !file.includes('/')).sort()).toEqual(['LICENSE', 'README.md', 'package.json']);
    // Built again from the checkout's sources into an emptied dist/: the same files (chunk names are
    // digests of their contents and maps, whose paths to src/ depend on where dist/ is), maps left out.
    const packedMain = readFileSync(join(checkout, 'dist', 'cli', 'main.js'), 'utf8');
    const rebuilt = join(checkout, 'dist');
    mustRun(process.execPath, [join('scripts', 'build.mjs')], checkout);
    const expected = readdirSync(rebuilt, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.endsWith('.map'))
      .map((entry) => `dist/${relative(rebuilt, join(entry.parentPath, entry.name)).split(sep).join('/')}`);
    expect(expected).toContain('dist/cli/main.js');
    expect(files.filter((file) => file.startsWith('dist/')).sort()).toEqual(expected.sort());
    expect(readFileSync(join(rebuilt, 'cli', 'main.js'), 'utf8')).toBe(packedMain);
  });

  it('npm publish --dry-run passes without a login and would publish the same files', () => {
    if (!availableOrSkip(packed)) return;
    // The scripts publish runs (prepack, prepare) already ran for `npm pack`.
    const publish = run('npm', ['publish', '--dry-run', '--json', '--ignore-scripts'], checkout);
    if (publish.status !== 0 && NETWORK.test(publish.stderr) && !availableOrSkip({ kind: 'unavailable', reason: publish.stderr.trim() })) return;
    expect(publish.status, publish.stderr).toBe(0);
    const report = JSON.parse(publish.stdout) as { files?: { path: string }[] } & Record<string, { files?: { path: string }[] }>;
    const published = (report.files ?? report.runbook?.files ?? []).map((file) => file.path).sort();
    expect(published).toEqual([...tarballFiles()].sort());
  });
});

describe('installed from the tarball, as the README says', { timeout: 300_000 }, () => {
  let app: string;
  let installed: Outcome = { kind: 'unavailable', reason: 'not installed' };
  beforeAll(() => {
    if (packed.kind !== 'ok') return;
    app = newApp('app-tarball');
    installed = runBlock('tarball', app);
  }, 300_000);

  it('installs the runtime dependencies only, runs no build, and records the vendored tarball', () => {
    if (!availableOrSkip(packed) || !availableOrSkip(installed)) return;
    const modules = join(app, 'node_modules');
    expect(existsSync(join(modules, 'runbook', 'dist', 'cli', 'main.js'))).toBe(true);
    expect(existsSync(join(modules, 'runbook', 'schemas', 'frontmatter.schema.json'))).toBe(true);
    for (const name of Object.keys(packageJson.dependencies)) expect(existsSync(join(modules, name)), name).toBe(true);
    // `@types/*` come along with the runtime dependencies that declare them; the tool chain must not.
    const tools = Object.keys(packageJson.devDependencies).filter((name) => !name.startsWith('@types/'));
    expect(tools).toContain('typescript');
    for (const name of tools) expect(existsSync(join(modules, name)), `devDependency ${name} installed`).toBe(false);
    const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
    expect(manifest.devDependencies?.runbook).toBe(`file:vendor/${TARBALL}`);
  });

  it('npx runbook --version and check work, also after npm ci from the lockfile (as in CI)', () => {
    if (!availableOrSkip(packed) || !availableOrSkip(installed)) return;
    expectRunsInstalled(app);
    rmSync(join(app, 'node_modules'), { recursive: true });
    mustRun('npm', ['ci'], app);
    expectRunsInstalled(app);
  });

  it('runs: --help lists every command', () => {
    if (!availableOrSkip(packed) || !availableOrSkip(installed)) return;
    const help = mustRun('npx', ['--no-install', 'runbook', '--help'], app);
    for (const command of ['check', 'build', 'serve', 'show', 'tested', 'drill', 'due', 'cheatsheet', 'init', 'new', 'schema']) expect(help).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
  });

  it('init, then check, exits 0; new, then check, exits 1 with the runbook to finish', () => {
    if (!availableOrSkip(packed) || !availableOrSkip(installed)) return;
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

/**
 * The link and git-URL installs each build the package again (the git one installs every
 * devDependency for `prepare`): two to four minutes on two cores, so `npm test` leaves them to
 * `npm run test:install`, which runs this file with `RUNBOOK_TEST_INSTALLS=all`.
 */
const ALL_INSTALLS = process.env.RUNBOOK_TEST_INSTALLS === 'all';
if (!ALL_INSTALLS) console.warn('\n*** the link and git-URL installs of the README are skipped here: `npm run test:install` runs them ***\n');

describe.skipIf(!ALL_INSTALLS)('installed from the checkout and from git, as the README says', () => {
  it('a link to the checkout runs', { timeout: 120_000 }, () => {
    if (!availableOrSkip(packed)) return;
    const app = newApp('app-path');
    if (!availableOrSkip(runBlock('path', app))) return;
    expect(lstatSync(join(app, 'node_modules', 'runbook')).isSymbolicLink()).toBe(true);
    expectRunsInstalled(app);
  });

  it('a git URL at the version tag is cloned, built by its prepare script and runs', { timeout: 600_000 }, () => {
    if (!availableOrSkip(packed)) return;
    const app = newApp('app-git');
    const installed = runBlock('git', app);
    if (!availableOrSkip(installed)) return;
    // npm 11.16 and later name the dependencies whose scripts allowScripts does not cover (npm 12 skips them).
    expect(installed.kind === 'ok' ? installed.stderr : '').not.toContain('allowScripts');
    const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
    expect(manifest.devDependencies?.runbook).toBe(`git+file://${source}#v${packageJson.version}`);
    expect(existsSync(join(app, 'node_modules', 'runbook', 'dist', 'cli', 'main.js'))).toBe(true);
    expect(existsSync(join(app, 'node_modules', 'typescript')), 'the build tools stay out of the project').toBe(false);
    expectRunsInstalled(app);
  });
});
