/**
 * Deterministic and idempotent: the same input gives the same bytes, and a build (or check, or
 * cheat sheet run) on top of a previous one, with whatever it remembers from it, equals a clean one.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../cli/run-cli.js';
import { PROJECT_ROOT } from '../shared.js';
import { differences, generateCorpus, generatorAvailable, snapshot, type Snapshot } from './bin-process.js';

const folder = mkdtempSync(join(tmpdir(), 'runbook-determinism-'));

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
}, 60_000);

/** A fresh parse cache for each call: a run with it starts from nothing remembered. */
let caches = 0;
function freshCache(): Record<string, string> {
  caches++;
  return { RUNBOOK_CACHE_DIR: join(folder, `cache-${caches}`) };
}

async function mustRun(argv: readonly string[], cwd: string, env: Record<string, string>): Promise<CliResult> {
  const result = await runCli(argv, cwd, env);
  if (result.code !== 0) throw new Error(`runbook ${argv.join(' ')} exited ${result.code}:\n${result.stderr}${result.stdout}`);
  return result;
}

/** Builds `source` into `out` and returns what was written. */
async function build(source: string, out: string, env: Record<string, string>, extra: readonly string[] = []): Promise<Snapshot> {
  await mustRun(['build', '.', '--today', '2026-11-27', '--out', out, ...extra], source, env);
  return snapshot(out);
}

function git(cwd: string, ...args: readonly string[]): void {
  const date = '2026-10-01T12:00:00Z';
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}:\n${result.stderr}`);
}

describe('the example runbooks, in a git repository', () => {
  const examples = join(folder, 'examples');

  beforeAll(() => {
    mkdirSync(examples);
    cpSync(join(PROJECT_ROOT, 'runbooks'), join(examples, 'runbooks'), { recursive: true });
    cpSync(join(PROJECT_ROOT, 'runbook.config.yaml'), join(examples, 'runbook.config.yaml'));
    git(examples, 'init', '-q');
    git(examples, 'add', '-A');
    git(examples, 'commit', '-q', '-m', 'examples');
  });

  it('build twice into two folders: byte-identical sites', async () => {
    const first = await build(examples, join(folder, 'examples-1'), freshCache());
    const second = await build(examples, join(folder, 'examples-2'), freshCache());
    expect(first.size).toBeGreaterThan(50);
    expect(differences(second, first)).toEqual([]);
  });

  it('check --format json and sarif twice, with a cold and a warm cache: byte-identical reports', async () => {
    const env = freshCache();
    for (const format of ['json', 'sarif']) {
      const argv = ['check', '--today', '2026-11-27', '--format', format];
      const cold = await runCli(argv, examples, env);
      const warm = await runCli(argv, examples, env);
      const uncached = await runCli([...argv, '--no-cache'], examples, env);
      expect(cold.stdout.length, format).toBeGreaterThan(100);
      expect(warm, format).toEqual(cold);
      expect(uncached, format).toEqual(cold);
    }
  });

  it('cheatsheet (html, md, txt; per team and per service) twice: byte-identical sheets', async () => {
    for (const args of [['--format', 'html'], ['--format', 'md'], ['--format', 'txt'], ['--service', '--format', 'txt']]) {
      const label = args.join(' ');
      const first = join(folder, `sheets-1-${caches}`);
      const second = join(folder, `sheets-2-${caches}`);
      await mustRun(['cheatsheet', '--today', '2026-11-27', '--out', first, ...args], examples, freshCache());
      await mustRun(['cheatsheet', '--today', '2026-11-27', '--out', second, ...args], examples, freshCache());
      // Again into the first folder, over the sheets already there.
      await mustRun(['cheatsheet', '--today', '2026-11-27', '--out', first, ...args], examples, freshCache());
      expect(snapshot(first).size, label).toBeGreaterThanOrEqual(3);
      expect(differences(snapshot(second), snapshot(first)), label).toEqual([]);
    }
  });
});

describe.skipIf(!generatorAvailable())('a generated corpus, built again on top of a previous build', () => {
  const corpus = join(folder, 'corpus');
  const out = join(folder, 'on-top');
  /** One parse cache kept across the builds on top, as a user's is. */
  const kept = { RUNBOOK_CACHE_DIR: join(folder, 'kept-cache') };

  beforeAll(async () => {
    generateCorpus(corpus, 30, 11);
    await build(corpus, out, kept);
  }, 120_000);

  /** The clean build of the corpus as it is now: fresh cache, fresh folder. */
  async function clean(extra: readonly string[] = []): Promise<Snapshot> {
    caches++;
    return build(corpus, join(folder, `clean-${caches}`), freshCache(), extra);
  }

  it('twice from nothing: byte-identical; with --no-cache: the same again', async () => {
    const first = await clean();
    const second = await clean();
    const uncached = await clean(['--no-cache']);
    expect(differences(second, first)).toEqual([]);
    expect(differences(uncached, first)).toEqual([]);
  });

  it('nothing changed: the build on top equals a clean build', async () => {
    expect(differences(await build(corpus, out, kept), await clean())).toEqual([]);
  });

  it('a runbook edited, one removed, one added: equals a clean build, and the removed runbook’s pages are gone', async () => {
    const teams = readdirSync(corpus).filter((name) => !name.endsWith('.yaml')).sort();
    const files = teams.flatMap((team) => readdirSync(join(corpus, team)).sort().map((name) => `${team}/${name}`));
    const [edited, removed, copied] = [files[0], files[1], files[2]];
    if (edited === undefined || removed === undefined || copied === undefined) throw new Error('the corpus has fewer than 3 runbooks');
    const removedText = readFileSync(join(corpus, removed), 'utf8');
    writeFileSync(join(corpus, edited), readFileSync(join(corpus, edited), 'utf8').replace(/^title: "?(.*?)"?$/m, 'title: "$1 (edited)"'));
    rmSync(join(corpus, removed));
    writeFileSync(join(corpus, copied.replace(/\.md$/, '-copy.md')), readFileSync(join(corpus, copied), 'utf8').replace(/^title: "?(.*?)"?$/m, 'title: "Copy of $1"'));

    const onTop = await build(corpus, out, kept);
    expect(differences(onTop, await clean())).toEqual([]);
    const removedId = removed.replace(/\.md$/, '');
    expect([...onTop.keys()].filter((path) => path.startsWith(`runbooks/${removedId}/`))).toEqual([]);
    expect(existsSync(join(out, 'runbooks', removedId))).toBe(false);
    // Its alerts (none of them claimed by another runbook in this corpus) have no page either.
    const alerts = [...removedText.matchAll(/^\s+- ([A-Z]\w+)$/gm)].map((match) => match[1] ?? '');
    const otherText = readdirSync(corpus, { recursive: true }).filter((name) => String(name).endsWith('.md')).map((name) => readFileSync(join(corpus, String(name)), 'utf8')).join('\n');
    const orphaned = alerts.filter((alert) => !otherText.includes(alert));
    expect(orphaned.length).toBeGreaterThan(0);
    for (const alert of orphaned) expect(onTop.has(`alerts/${alert}/index.html`), alert).toBe(false);
  });

  it('only --today changed: equals a clean build for that day', async () => {
    const argsFor = ['--today', '2027-06-01'];
    await mustRun(['build', '.', '--out', out, ...argsFor], corpus, kept);
    const cleanOut = join(folder, 'clean-later-day');
    await mustRun(['build', '.', '--out', cleanOut, ...argsFor], corpus, freshCache());
    expect(differences(snapshot(out), snapshot(cleanOut))).toEqual([]);
    // And back: the site of 2026-11-27 again.
    expect(differences(await build(corpus, out, kept), await clean())).toEqual([]);
  });

  it('only --base-url changed: equals a clean build with that URL', async () => {
    const extra = ['--base-url', 'https://runbooks.example.com/oncall/'];
    expect(differences(await build(corpus, out, kept, extra), await clean(extra))).toEqual([]);
  });

  it('only the config changed: equals a clean build with the new config', async () => {
    writeFileSync(join(corpus, 'runbook.config.yaml'), 'site:\n  title: Changed title\n');
    try {
      const onTop = await build(corpus, out, kept);
      expect(differences(onTop, await clean())).toEqual([]);
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Changed title');
    } finally {
      rmSync(join(corpus, 'runbook.config.yaml'));
    }
  });

  it('check --format json and sarif on top of a previous check, after an edit, equal a check with nothing remembered', async () => {
    for (const format of ['json', 'sarif']) {
      const argv = ['check', '.', '--today', '2026-11-27', '--format', format];
      const onTop = await runCli(argv, corpus, kept);
      const cleanRun = await runCli(argv, corpus, freshCache());
      expect(onTop.stdout.length, format).toBeGreaterThan(100);
      expect(onTop, format).toEqual(cleanRun);
    }
  });
});
