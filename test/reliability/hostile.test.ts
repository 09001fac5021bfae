/**
 * Hostile input, each case with the exact diagnostics `runbook check` reports and what `runbook
 * build` makes of it. Cases the check fixtures already pin are not repeated here:
 * test/fixtures/check/broken-input/ (a 0-byte file, a binary PNG, invalid UTF-8 (Latin-1), a BOM,
 * CRLF line endings) and test/fixtures/check/duplicate-key/ (duplicate frontmatter keys).
 *
 * Decisions these tests pin: folder symlinks are never followed (no loops); a file symlink is read
 * only when its target is inside the folder searched, else it is skipped without a diagnostic; links
 * in a body to files outside the runbooks root are left as written (`check` only tests that the
 * target exists; nothing outside the root is read or copied into the site); dot files are not
 * runbooks; YAML aliases are never expanded, and tags other than the core schema's are YAML errors.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_NESTING } from '../../src/parse/nesting.js';
import { parseConfig } from '../../src/parse/config.js';
import { runCli } from '../cli/run-cli.js';
import { CONFIG_TEXT, cleanRunbook, makeProject } from './hostile-project.js';
import { runPipeline } from './pipeline.js';

const CHECK = ['check', '--format', 'concise', '--no-git', '--today', '2026-11-27'];
const BUILD = ['build', '--no-git', '--today', '2026-11-27', '--out', 'site'];
/** The line the body starts on in {@link cleanRunbook}. */
const BODY_LINE = 10;

const projects: string[] = [];
afterAll(() => {
  for (const folder of projects) rmSync(folder, { recursive: true, force: true });
});

function project(files: Readonly<Record<string, string | Uint8Array>>, config?: string): string {
  const folder = config === undefined ? makeProject(files) : makeProject(files, config);
  projects.push(folder);
  return folder;
}

/** `check`'s concise lines and exit code. */
async function check(folder: string, paths: readonly string[] = []): Promise<{ readonly code: number; readonly lines: readonly string[] }> {
  const result = await runCli([...CHECK, ...paths], folder);
  expect(result.stderr).toBe('');
  return { code: result.code, lines: result.stdout.split('\n').filter((line) => line !== '') };
}

/** Builds the site and returns the runbook pages it holds. */
async function buildPages(folder: string): Promise<readonly string[]> {
  const result = await runCli(BUILD, folder);
  expect(result.code, result.stderr).toBe(0);
  return readdirSync(join(folder, 'site', 'runbooks')).sort();
}

const LAUGHS = [
  'x1: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  ...['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((name, index) => `x${index + 2}: &${name} [${Array.from({ length: 9 }, () => `*${String.fromCharCode(name.charCodeAt(0) - 1)}`).join(', ')}]`),
];

describe('nesting 10,000 levels deep', () => {
  it('is reported at the line and column where it passes the limit, and the other runbooks are still checked and built (regression: stack overflow in remark-gfm and mdast-util-to-hast)', async () => {
    const folder = project({
      'runbooks/quotes.md': cleanRunbook({ body: `${'>'.repeat(10_000)} deep` }),
      'runbooks/lists.md': cleanRunbook({ body: `${'- '.repeat(10_000)}deep` }),
      'runbooks/ordered.md': cleanRunbook({ body: `${'1. '.repeat(10_000)}deep` }),
      'runbooks/indented.md': cleanRunbook({ body: Array.from({ length: 150 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`).join('\n') }),
      'runbooks/emphasis.md': cleanRunbook({ body: `${'*'.repeat(1000)}deep${'*'.repeat(1000)}` }),
      'runbooks/ok.md': cleanRunbook({ body: `${'> '.repeat(MAX_NESTING - 1)}not too deep` }),
    });
    const { code, lines } = await check(folder);
    expect(lines).toEqual([
      `runbooks/emphasis.md:${BODY_LINE}:799: error Cannot read the file: Markdown nested more than 400 levels deep (emphasis, links, lists, quotes); at most 400 are read (unreadable-file)`,
      `runbooks/indented.md:${BODY_LINE + 100}:201: error Cannot read the file: nested 101 levels deep (block quotes, lists, indentation); at most 100 levels are read (unreadable-file)`,
      `runbooks/lists.md:${BODY_LINE}:201: error Cannot read the file: nested 10000 levels deep (block quotes, lists, indentation); at most 100 levels are read (unreadable-file)`,
      `runbooks/ordered.md:${BODY_LINE}:301: error Cannot read the file: nested 10000 levels deep (block quotes, lists, indentation); at most 100 levels are read (unreadable-file)`,
      `runbooks/quotes.md:${BODY_LINE}:101: error Cannot read the file: nested 10000 levels deep (block quotes, lists, indentation); at most 100 levels are read (unreadable-file)`,
    ]);
    expect(code).toBe(1);
    expect(await buildPages(folder)).toEqual(['ok']);
  }, 120_000);
});

describe('a 20 MB runbook', () => {
  it('is parsed, checked, rendered and built, with a problem on its last line reported at that line', () => {
    // Plain prose: remark parses it at a few MB a minute on a loaded machine; richer text is slower but no less linear (see chunks.ts).
    const paragraph = `${'Plain words fill this long runbook so that it weighs twenty megabytes in all. '.repeat(20)}\n\n`;
    const count = Math.ceil((20 * 1024 * 1024) / paragraph.length);
    const bytes = new TextEncoder().encode(cleanRunbook({ body: `## Notes\n\n${paragraph.repeat(count)}TODO: finish this runbook` }));
    expect(bytes.length).toBeGreaterThan(20 * 1024 * 1024);
    const result = runPipeline(bytes, parseConfig(CONFIG_TEXT, '/collection/runbook.config.yaml'), 'big');
    const lastLine = BODY_LINE + 2 + count * 2;
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.file}:${diagnostic.span.start.line}:${diagnostic.span.start.column} ${diagnostic.ruleId}`)).toEqual([`runbooks/big.md:${lastLine}:1 placeholder-text`]);
    const page = result.site.find((file) => file.path === 'runbooks/big/index.html');
    expect(page?.content.length).toBeGreaterThan(20 * 1024 * 1024);
    expect(page?.content).toContain('TODO: finish this runbook');
  }, 900_000);
});

describe('YAML that tries to do more than hold values', () => {
  it('never expands an alias bomb ("billion laughs"): aliases are invalid values, and unread keys stay unexpanded', async () => {
    const folder = project({
      'runbooks/bomb.md': cleanRunbook({ extra: [...LAUGHS, 'alerts: *i', 'tags: *i'] }),
      'runbooks/quiet-bomb.md': cleanRunbook({ extra: LAUGHS.map((line) => line.replace(/^x/, 'y')) }),
    }, ['root: runbooks', 'sections: {required: []}', 'extra_keys: [x1, x2, x3, x4, x5, x6, x7, x8, x9, y1, y2, y3, y4, y5, y6, y7, y8, y9]', ''].join('\n'));
    const { code, lines } = await check(folder);
    expect(lines).toEqual([
      'runbooks/bomb.md:17:9: error Invalid `alerts`: found an alias, expected a list of alert names (invalid-value)',
      'runbooks/bomb.md:18:7: error Invalid `tags`: found an alias, expected a list of words (invalid-value)',
    ]);
    expect(code).toBe(1);
    expect(await buildPages(folder)).toEqual(['bomb', 'quiet-bomb']);
  });

  it('reports tags that would build objects (`!!js/function`, `!!python/object/apply`, a custom `!tag`) as YAML errors, and reads none of them', async () => {
    const folder = project({
      'runbooks/js.md': cleanRunbook({ extra: ['alerts: !!js/function "function () { return 1 }"'] }),
      'runbooks/python.md': cleanRunbook({ extra: ['service: !!python/object/apply:os.system ["id"]'] }),
      'runbooks/custom.md': cleanRunbook({ title: '!custom Hello' }),
      'runbooks/core.md': cleanRunbook({ title: '!!str Hello' }),
      'runbooks/set.md': cleanRunbook({ extra: ['tags: !!set {a, b}'] }),
    });
    const { code, lines } = await check(folder);
    expect(lines).toEqual([
      'runbooks/custom.md:1:1: error No recovery steps; expected `recovery:` in the frontmatter or a numbered list under a Recovery heading (no-recovery-steps)',
      'runbooks/custom.md:2:8: error Invalid frontmatter YAML: Unresolved tag: !custom (TAG_RESOLVE_FAILED) (yaml-syntax)',
      'runbooks/js.md:1:1: error No recovery steps; expected `recovery:` in the frontmatter or a numbered list under a Recovery heading (no-recovery-steps)',
      'runbooks/js.md:8:9: error Invalid frontmatter YAML: Unresolved tag: tag:yaml.org,2002:js/function (TAG_RESOLVE_FAILED) (yaml-syntax)',
      'runbooks/python.md:1:1: error No recovery steps; expected `recovery:` in the frontmatter or a numbered list under a Recovery heading (no-recovery-steps)',
      'runbooks/python.md:8:10: error Invalid frontmatter YAML: Unresolved tag: tag:yaml.org,2002:python/object/apply:os.system (TAG_RESOLVE_FAILED) (yaml-syntax)',
      'runbooks/set.md:8:13: error Invalid `tags`: found a mapping, expected a list of words (invalid-value)',
    ]);
    expect(code).toBe(1);
  });

  it('reports duplicate keys, also when the second is written differently', async () => {
    const folder = project({ 'runbooks/twice.md': cleanRunbook({ extra: ['owner: data', '"title": Again'] }) });
    expect((await check(folder)).lines).toEqual([
      'runbooks/twice.md:8:1: error Duplicate frontmatter key `owner`; the first value is used (duplicate-key)',
      'runbooks/twice.md:9:1: error Duplicate frontmatter key `title`; the first value is used (duplicate-key)',
    ]);
  });

  it('reports keys that are not text (`1:`, `? [a]`, `null:`, `? {k: v}`, `true:`) as unknown keys at the key', async () => {
    const folder = project({ 'runbooks/keys.md': cleanRunbook({ extra: ['1: x', '? [a]', ': b', 'null: y', '? {k: v}', ': z', 'true: t'] }) });
    const { code, lines } = await check(folder);
    expect(lines).toEqual([
      'runbooks/keys.md:8:1: warning Unknown frontmatter key `1` (unknown-key)',
      'runbooks/keys.md:9:3: warning Unknown frontmatter key `["a"]` (unknown-key)',
      'runbooks/keys.md:11:1: warning Unknown frontmatter key `null` (unknown-key)',
      'runbooks/keys.md:12:3: warning Unknown frontmatter key `{"k":"v"}` (unknown-key)',
      'runbooks/keys.md:14:1: warning Unknown frontmatter key `true` (unknown-key)',
    ]);
    expect(code).toBe(0);
  });
});

describe('the file system', () => {
  it('follows no folder symlink (no loops) and reads no file symlink that leads outside the runbooks root', async () => {
    const folder = project({ 'runbooks/a.md': cleanRunbook(), 'secret.md': cleanRunbook({ title: 'SECRET' }) });
    const runbooks = join(folder, 'runbooks');
    symlinkSync('..', join(runbooks, 'parent'));
    symlinkSync('.', join(runbooks, 'self'));
    mkdirSync(join(runbooks, 'd'));
    symlinkSync('../d', join(runbooks, 'd', 'back'));
    symlinkSync('../secret.md', join(runbooks, 'leak.md'));
    symlinkSync('/etc/passwd', join(runbooks, 'passwd.md'));
    symlinkSync('a.md', join(runbooks, 'alias.md'));
    symlinkSync('loop2.md', join(runbooks, 'loop1.md'));
    symlinkSync('loop1.md', join(runbooks, 'loop2.md'));
    symlinkSync('nowhere.md', join(runbooks, 'dangling.md'));
    const result = await runCli([...CHECK, '--format', 'json'], folder);
    expect(result.code).toBe(0);
    const files = (JSON.parse(result.stdout) as { files: { file: string }[] }).files.map((entry) => entry.file);
    expect(files).toEqual(['runbooks/a.md', 'runbooks/alias.md']);
    expect(await buildPages(folder)).toEqual(['a', 'alias']);
    expect(readFileSync(join(folder, 'site/catalog.json'), 'utf8')).not.toContain('SECRET');
  });

  it('leaves links to files outside the root as written: checked for existence, never read or copied', async () => {
    const folder = project({
      'runbooks/a.md': cleanRunbook({ body: '[passwd](../../../../../../../../etc/passwd) [config](../runbook.config.yaml) [absolute](/etc/passwd) [gone](../nowhere.md)' }),
    });
    expect((await check(folder)).lines).toEqual([`runbooks/a.md:${BODY_LINE}:103: error Broken link \`../nowhere.md\`: no file \`../nowhere.md\` (broken-link)`]);
    await buildPages(folder);
    const html = readFileSync(join(folder, 'site/runbooks/a/index.html'), 'utf8');
    expect(html).toContain('<a href="../../../../../../../../etc/passwd">passwd</a>');
    expect(readdirSync(join(folder, 'site')).sort()).toEqual(['.runbook-site', '404.html', 'alerts', 'assets', 'catalog.json', 'due.ics', 'index.html', 'runbooks', 'search', 'services', 'teams']);
  });

  it('gives files named with spaces, Unicode (NFC and NFD) and dots their own pages, and reports ids that collide after normalisation (regression: `Foo Bar.md` and `foo-bar.md` shared a page without a diagnostic)', async () => {
    const folder = project({
      'runbooks/with space.md': cleanRunbook(),
      'runbooks/caf\u00e9.md': cleanRunbook(),
      'runbooks/cafe\u0301.md': cleanRunbook(),
      'runbooks/a..b.md': cleanRunbook(),
      'runbooks/...md': cleanRunbook(),
      'runbooks/Foo Bar.md': cleanRunbook(),
      'runbooks/foo-bar.md': cleanRunbook(),
    });
    const { code, lines } = await check(folder);
    expect(lines.map((line) => line.normalize('NFC'))).toEqual([
      'runbooks/Foo Bar.md:1:1: error Duplicate id `foo-bar`: also used by `runbooks/foo-bar.md` (duplicate-id)',
      'runbooks/café.md:1:1: error Duplicate id `café`: also used by `runbooks/café.md` (duplicate-id)',
      'runbooks/café.md:1:1: error Duplicate id `café`: also used by `runbooks/café.md` (duplicate-id)',
      'runbooks/foo-bar.md:1:1: error Duplicate id `foo-bar`: also used by `runbooks/Foo Bar.md` (duplicate-id)',
    ]);
    expect(code).toBe(1);
    // Dot files (`...md`) are not runbooks; every other file gets its own page.
    expect((await buildPages(folder)).map((page) => page.normalize('NFC'))).toEqual(['Foo-Bar', 'a..b', 'café', 'café-2', 'foo-bar-2', 'with-space']);
    expect(existsSync(join(folder, 'site/runbooks/_'))).toBe(false);
  });

  it('reads a file named on the command line through a folder symlink loop once', async () => {
    const folder = project({ 'runbooks/a.md': cleanRunbook() });
    symlinkSync('..', join(folder, 'runbooks', 'parent'));
    const result = await runCli([...CHECK, '--format', 'json', 'runbooks/parent/runbooks'], folder);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { files: { file: string }[] }).files.map((entry) => entry.file)).toEqual(['runbooks/parent/runbooks/a.md']);
  });
});

describe('binary and empty input at the CLI', () => {
  it('reports a file of random bytes with a NUL and an empty file, and still builds the site', async () => {
    const folder = project({ 'runbooks/random.md': new Uint8Array([0xde, 0xad, 0x0a, 0xbe, 0x00, 0xef]), 'runbooks/empty.md': '', 'runbooks/ok.md': cleanRunbook() });
    writeFileSync(join(folder, 'runbooks/empty.md'), '');
    const { lines } = await check(folder);
    expect(lines).toEqual([
      'runbooks/empty.md:1:1: error No frontmatter; expected a YAML block between `---` lines at the top of the file (frontmatter-missing)',
      'runbooks/empty.md:1:1: error No recovery steps; expected `recovery:` in the frontmatter or a numbered list under a Recovery heading (no-recovery-steps)',
      'runbooks/random.md:2:2: error Cannot read the file: binary file (a NUL byte at offset 4); a runbook must be UTF-8 Markdown text (unreadable-file)',
    ]);
    expect(await buildPages(folder)).toEqual(['empty', 'ok']);
  });
});
