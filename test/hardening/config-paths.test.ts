/**
 * Regression tests: the config comes with the repository, which may be a hostile pull request. The
 * paths it names (`site.templates`, `root`, `new.template`) must not make `build`, `serve`, `check`,
 * `cheatsheet` or `new` read files outside the repository (absolute paths, `..`, `~`, symlinks
 * leading out): every file of a templates folder becomes `assets/…` in a site that gets published.
 * A sentinel secret is planted outside the repository; its bytes must appear nowhere.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli, type CliResult } from '../cli/run-cli.js';

const SECRET = 'SENTINEL-5ecret-0f-the-reader-not-the-repository';
const RUNBOOK = (title: string): string =>
  `---\ntitle: ${title}\nowner: platform\nservice: volumes\nseverity: low\nlast_tested: 2026-11-01\n---\n## Summary\nx\n## Impact\nx\n## Diagnosis\nx\n## Recovery\n1. Delete old logs.\n`;
const TODAY = ['--no-git', '--no-cache', '--today', '2026-11-27'];

/** `outer/` holding the reader's secrets (`secret/`, `home/.ssh/`), the repository `outer/repo/` and the site `outer/out/`. */
let outer: string;
let repo: string;
let secret: string;
let out: string;
beforeEach(() => {
  outer = mkdtempSync(join(tmpdir(), 'runbook-config-paths-'));
  repo = join(outer, 'repo');
  secret = join(outer, 'secret');
  out = join(outer, 'out');
  write(outer, {
    'secret/id_rsa': SECRET,
    'secret/assets/site.css': SECRET,
    'secret/runbook.hbs': SECRET,
    'secret/template.md.hbs': `---\ntitle: ${SECRET}\n---\n`,
    'secret/runbooks/leak.md': RUNBOOK(SECRET),
    'home/.ssh/id_rsa': SECRET,
    'repo/runbooks/disk-full.md': RUNBOOK('Disk full'),
  });
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(outer, { recursive: true, force: true });
});

function write(folder: string, files: Readonly<Record<string, string>>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
}

function configure(text: string, folder = repo): void {
  writeFileSync(join(folder, 'runbook.config.yaml'), text);
}

/** Every file under `folder` (symlinks not followed) holding the secret; none when the folder does not exist. */
function leaksUnder(folder: string): readonly string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && readFileSync(join(entry.parentPath, entry.name), 'latin1').includes(SECRET))
    .map((entry) => join(entry.parentPath, entry.name));
}

async function build(cwd = repo): Promise<CliResult> {
  return runCli(['build', '--out', out, ...TODAY], cwd);
}

/** Nothing of the secret in the site or the output, exit 2, and a config error holding each message. */
function expectRefused(result: CliResult, ...messages: readonly string[]): void {
  expect(leaksUnder(out)).toEqual([]);
  expect(result.stdout + result.stderr).not.toContain(SECRET);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/^runbook: invalid configuration:\n {2}/);
  for (const message of messages) expect(result.stderr).toContain(message);
}

const NOT_GIT = '(the config file\'s folder, which is in no git work tree)';

describe('site.templates named by the repository stays inside it', () => {
  it('refuses an absolute `site.templates` outside the repository (the reader\'s ~/.ssh would be published as assets/)', async () => {
    configure(`root: runbooks\nsite:\n  templates: ${secret}\n`);
    const result = await build();
    expectRefused(result);
    expect(result.stderr).toBe(
      'runbook: invalid configuration:\n' +
        `  runbook.config.yaml:3:14: \`site.templates\` is \`${secret}\`, outside the repository \`.\` ${NOT_GIT}; ` +
        'expected a folder of templates inside it, written relative to the config file\n',
    );
  });

  it('refuses a `site.templates` climbing out with `..`', async () => {
    configure('root: runbooks\nsite:\n  templates: "../secret"\n');
    expectRefused(await build(), 'runbook.config.yaml:3:14: `site.templates` is `../secret`, outside the repository `.`');
  });

  it('refuses a `site.templates` of `~/.ssh` (never the home folder, and never a folder named `~` either)', async () => {
    vi.stubEnv('HOME', join(outer, 'home'));
    configure('root: runbooks\nsite:\n  templates: ~/.ssh\n');
    expectRefused(await build(), '`site.templates` is `~/.ssh`, but `~` is not expanded (paths are relative to the config file); expected a folder of templates inside the repository `.`');
  });

  it('refuses a `site.templates` that is a symlink in the repository leading out of it', async () => {
    symlinkSync(secret, join(repo, 'theme'));
    configure('root: runbooks\nsite:\n  templates: theme\n');
    expectRefused(
      await build(),
      `runbook.config.yaml:3:14: \`site.templates\` is \`theme\`, which leads out of the repository \`.\` ${NOT_GIT}: \`theme\` is a symlink to \`${secret}\`, leading to \`${secret}\``,
    );
  });

  it('refuses a `site.templates` under a symlinked folder leading out (every existing part is resolved)', async () => {
    symlinkSync('../secret', join(repo, 'vendor'));
    configure('root: runbooks\nsite:\n  templates: vendor/assets/..\n');
    expectRefused(await build(), '`vendor` is a symlink to `../secret`');
  });

  it('refuses a dangling `site.templates` symlink, which could be pointed anywhere later', async () => {
    symlinkSync(join(outer, 'nowhere'), join(repo, 'theme'));
    configure('root: runbooks\nsite:\n  templates: theme\n');
    expectRefused(await build(), 'leading nowhere (it dangles or loops)');
  });

  it('does not read a symlinked file in the templates folder leading out of the repository (assets/leak.css -> ~/.ssh/id_rsa)', async () => {
    write(repo, { 'theme/assets/extra.css': 'body { color: teal }' });
    symlinkSync(join(secret, 'id_rsa'), join(repo, 'theme', 'assets', 'leak.css'));
    configure('root: runbooks\nsite:\n  templates: theme\n');
    const result = await build();
    expect(result.stdout + result.stderr).not.toContain(SECRET);
    expect(result.stderr).toContain(`not reading the templates folder ${join(repo, 'theme')}: \`assets/leak.css\` is a symlink to \`${join(secret, 'id_rsa')}\`, which leads out of the repository ${repo}`);
    expect(result.code).toBe(2);
    expect(leaksUnder(out)).toEqual([]);
  });

  it('does not follow a symlinked folder in the templates folder leading out of the repository (assets/keys -> ~/.ssh)', async () => {
    write(repo, { 'theme/assets/extra.css': 'body { color: teal }' });
    symlinkSync(join(outer, 'home', '.ssh'), join(repo, 'theme', 'assets', 'keys'));
    configure('root: runbooks\nsite:\n  templates: theme\n');
    const result = await build();
    expect(result.stderr).toContain('`assets/keys` is a symlink to');
    expect(result.code).toBe(2);
    expect(leaksUnder(out)).toEqual([]);
  });

  it('refuses a `site.templates` of `.git`, or a symlink into it, where CI keeps the checkout\'s token (.git/config)', async () => {
    execFileSync('git', ['init', '-q', repo]);
    execFileSync('git', ['-C', repo, 'config', 'http.https://github.com/.extraheader', `AUTHORIZATION: basic ${SECRET}`]);
    configure('root: runbooks\nsite:\n  templates: .git\n');
    expectRefused(await build(), '`site.templates` is `.git`, which is inside `.git`, version control\'s own folder');
    symlinkSync('.git', join(repo, 'theme'));
    configure('root: runbooks\nsite:\n  templates: theme\n');
    expectRefused(await build(), '`site.templates` is `theme`, which is inside `.git`');
    rmSync(join(repo, 'theme'));
    write(repo, { 'theme/assets/extra.css': 'body { color: teal }' });
    symlinkSync('../../.git/config', join(repo, 'theme', 'assets', 'config.css'));
    const linked = await build();
    expect(leaksUnder(out)).toEqual([]);
    expect(linked.stderr).toContain('`assets/config.css` is a symlink to `../../.git/config`, which leads out of the repository');
    expect(linked.code).toBe(2);
  });

  it('refuses the same templates in `cheatsheet --format html`, which reads them too', async () => {
    configure(`root: runbooks\nsite:\n  templates: ${secret}\n`);
    const result = await runCli(['cheatsheet', '--format', 'html', '--out', out, '--no-git', '--today', '2026-11-27'], repo);
    expectRefused(result, '`site.templates` is');
  });
});

describe('root named by the repository stays inside it', () => {
  it.each([
    ['an absolute path', () => join(secret, 'runbooks')],
    ['`..`', () => '../secret/runbooks'],
  ])('refuses a `root` outside the repository given as %s, in build and check', async (_how, root) => {
    configure(`root: ${JSON.stringify(root())}\n`);
    expectRefused(await build(), 'runbook.config.yaml:1:7: `root` is `', 'expected the runbooks folder inside it');
    expectRefused(await runCli(['check', ...TODAY], repo), '`root` is `');
  });

  it('refuses a `root` that is a symlink leading out of the repository', async () => {
    symlinkSync(join(secret, 'runbooks'), join(repo, 'docs'));
    configure('root: docs\n');
    expectRefused(await build(), '`root` is `docs`, which leads out of the repository `.`', '`docs` is a symlink to');
  });

  it('does not read a runbook symlinked from inside `root` to a file outside the repository', async () => {
    symlinkSync(join(secret, 'runbooks', 'leak.md'), join(repo, 'runbooks', 'leak.md'));
    configure('root: runbooks\n');
    const result = await build();
    expect(leaksUnder(out)).toEqual([]);
    expect(result.code).toBe(0);
    expect(existsSync(join(out, 'runbooks', 'leak'))).toBe(false);
  });

  it('quotes a hostile value short and printable, and the run fails with exit 2 (a name too long, a NUL byte, terminal escapes)', async () => {
    configure(`root: runbooks\nsite:\n  templates: "${'x'.repeat(5000)}"\nnew:\n  template: "a\\0b"\n`);
    const long = await build();
    expectRefused(
      long,
      `runbook.config.yaml:3:14: \`site.templates\` is \`${'x'.repeat(59)}…\`, which cannot be looked at (ENAMETOOLONG)`,
      'runbook.config.yaml:5:13: `new.template` is `a\\u0000b`, which cannot be looked at',
    );
    expect(long.stderr.length).toBeLessThan(800);
    configure(`root: "/tmp/\\e]52;c;cHduZWQ=\\a\\e[2J/${'y'.repeat(300)}"\n`);
    const escapes = await build();
    expectRefused(escapes, '`root` is `/tmp/\\u001b]52;c;cHduZWQ=\\u0007\\u001b[2J/yyy');
    expect(escapes.stderr).not.toContain('\u001b');
    expect(escapes.stderr).not.toContain('y'.repeat(100));
  });

  it('never reads outside through `include` or `exclude` globs (they match paths found under `root`)', async () => {
    configure(`root: runbooks\ninclude: ["../secret/**/*.md", "${secret}/**/*.md", "**/*.md"]\nexclude: ["../**"]\n`);
    const result = await build();
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).not.toContain(SECRET);
    expect(leaksUnder(out)).toEqual([]);
    expect(existsSync(join(out, 'runbooks', 'disk-full', 'index.html'))).toBe(true);
  });
});

describe('new.template named by the repository stays inside it', () => {
  it.each([
    ['an absolute path', () => join(secret, 'template.md.hbs')],
    ['`..`', () => '../secret/template.md.hbs'],
  ])('refuses a `new.template` outside the repository given as %s, and creates nothing', async (_how, template) => {
    configure(`root: runbooks\nnew:\n  template: ${JSON.stringify(template())}\n`);
    const result = await runCli(['new', 'disk/leak'], repo);
    expectRefused(result, 'runbook.config.yaml:3:13: `new.template` is `', 'expected a template file inside it');
    expect(existsSync(join(repo, 'runbooks', 'disk'))).toBe(false);
  });

  it('refuses a `new.template` that is a symlink leading out of the repository', async () => {
    symlinkSync(join(secret, 'template.md.hbs'), join(repo, 'template.md.hbs'));
    configure('root: runbooks\nnew:\n  template: template.md.hbs\n');
    const result = await runCli(['new', 'disk/leak'], repo);
    expectRefused(result, '`new.template` is `template.md.hbs`, which leads out of the repository');
    expect(existsSync(join(repo, 'runbooks', 'disk'))).toBe(false);
  });
});

describe('drills.folder named by the repository stays inside it', () => {
  it('refuses a `drills.folder` outside the repository: check would read it and drill would write there', async () => {
    write(secret, { 'drills/disk-full/2026-11-01.md': `---\nrunbook: ${SECRET}\n---\n` });
    configure(`root: runbooks\ndrills:\n  folder: ${join(secret, 'drills')}\n`);
    const check = await runCli(['check', ...TODAY], repo);
    expectRefused(check, `runbook.config.yaml:3:11: \`drills.folder\` is \`${join(secret, 'drills')}\`, outside the repository`, 'expected the drill records folder inside it');
    writeFileSync(join(outer, 'answers.txt'), 'q\n');
    const drill = await runCli(['drill', 'disk-full', '--answers', join(outer, 'answers.txt')], repo);
    expect(drill.code).toBe(2);
    expect(readdirSync(join(secret, 'drills'))).toEqual(['disk-full']);
    expect(readdirSync(join(secret, 'drills', 'disk-full'))).toEqual(['2026-11-01.md']);
  });

  it('refuses a `drills.folder` climbing out with `..` or inside `.git`', async () => {
    configure('root: runbooks\ndrills:\n  folder: ../drills\n');
    expectRefused(await runCli(['check', ...TODAY], repo), '`drills.folder` is `../drills`, outside the repository');
    mkdirSync(join(repo, '.git'));
    configure('root: runbooks\ndrills:\n  folder: .git/drills\n');
    expectRefused(await runCli(['check', ...TODAY], repo), '`drills.folder` is `.git/drills`, which is inside `.git`');
  });
});

describe('paths inside the repository still work', () => {
  it('builds with a templates folder inside the repository, reading a symlink in it that stays inside', async () => {
    write(repo, { 'theme/assets/extra.css': 'body { color: teal }', 'brand/brand.css': 'h1 { color: navy }' });
    symlinkSync('../../brand/brand.css', join(repo, 'theme', 'assets', 'brand.css'));
    configure('root: runbooks\nsite:\n  templates: theme\n');
    const result = await build();
    expect(result.stderr).not.toContain('invalid');
    expect(result.code).toBe(0);
    expect(readFileSync(join(out, 'assets', 'extra.css'), 'utf8')).toBe('body { color: teal }');
    expect(readFileSync(join(out, 'assets', 'brand.css'), 'utf8')).toBe('h1 { color: navy }');
  });

  it('builds with `root` in a subfolder', async () => {
    write(repo, { 'docs/ops/runbooks/db-down.md': RUNBOOK('Database down') });
    configure('root: docs/ops/runbooks\n');
    const result = await build();
    expect(result.code).toBe(0);
    expect(readFileSync(join(out, 'runbooks', 'db-down', 'index.html'), 'utf8')).toContain('Database down');
  });

  it('builds from a config in a subfolder of a git repository naming sibling folders inside the same repository', async () => {
    execFileSync('git', ['init', '-q', repo]);
    write(repo, { 'ops/runbook.config.yaml': 'root: ../runbooks\nsite:\n  templates: ../theme\nnew:\n  template: ../new.md.hbs\n', 'theme/assets/extra.css': 'body { color: teal }' });
    writeFileSync(join(repo, 'new.md.hbs'), readFileSync(new URL('../../templates/new/runbook.md.hbs', import.meta.url)));
    const result = await build(join(repo, 'ops'));
    expect(result.stderr).not.toContain('invalid');
    expect(result.code).toBe(0);
    expect(readFileSync(join(out, 'assets', 'extra.css'), 'utf8')).toBe('body { color: teal }');
    expect(readFileSync(join(out, 'runbooks', 'disk-full', 'index.html'), 'utf8')).toContain('Disk full');
    const created = await runCli(['new', 'disk/inode-exhaustion'], join(repo, 'ops'));
    expect(created.code).toBe(0);
    expect(existsSync(join(repo, 'runbooks', 'disk', 'inode-exhaustion.md'))).toBe(true);
  });

  it('refuses the same sibling folders when the config\'s folder is in no git work tree (the repository is then the config\'s folder)', async () => {
    write(repo, { 'ops/runbook.config.yaml': 'root: ../runbooks\n' });
    const result = await build(join(repo, 'ops'));
    expectRefused(result, `runbook.config.yaml:1:7: \`root\` is \`../runbooks\`, outside the repository \`.\` ${NOT_GIT}`);
  });

  it('reads runbooks outside the repository that the user names on the command line', async () => {
    configure('root: runbooks\n');
    const result = await runCli(['check', '--format', 'concise', ...TODAY, join(secret, 'runbooks')], repo);
    expect(result.code).toBe(0);
  });
});
