import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

/**
 * `runbook coverage` and the site agree on which `runbook_url`s work: a URL coverage accepts names a
 * file of the built site (looked up with case, as a static host does) that is the runbook's page or
 * sends the reader to it, and every such URL is accepted.
 */

const SITE = 'https://r.example.com/';

/** Runbooks by file: upper-case paths with lower-case variants, a path made safe, and two paths differing only in case. */
const RUNBOOKS: Readonly<Record<string, readonly string[]>> = {
  'kubernetes/KubePodCrashLooping.md': [],
  'ops/Primary Down.md': ['PrimaryDown'],
  'Disk/Full.md': ['DiskFull'],
  'disk/full.md': ['DiskAlmostFull', 'diskfull'],
  'nodes/node-down.md': ['NodeDown'],
};

/** Each alert, the runbook answering it (its id) and the URLs tried for it. */
const ALERTS: readonly { readonly alert: string; readonly id: string }[] = [
  { alert: 'KubePodCrashLooping', id: 'kubernetes/KubePodCrashLooping' },
  { alert: 'PrimaryDown', id: 'ops/Primary Down' },
  { alert: 'DiskFull', id: 'Disk/Full' },
  { alert: 'DiskAlmostFull', id: 'disk/full' },
  { alert: 'diskfull', id: 'disk/full' },
  { alert: 'NodeDown', id: 'nodes/node-down' },
];

/** What an engineer or an upstream mixin may write: the site's paths in several cases and forms, and wrong ones. */
function candidates(alert: string, id: string): readonly string[] {
  const safe = id.replace(/ /g, '-');
  const paths = [
    ...[id, safe, 'ops/primary-down', 'disk/full-2', 'nodes/node-down'].flatMap((path) => [`runbooks/${path}`, `runbooks/${path.toLowerCase()}`, `runbooks/${path.toUpperCase()}`]),
    ...[alert, alert.toLowerCase(), alert.toUpperCase(), 'NodeDown'].map((name) => `alerts/${name}`),
  ];
  return [...new Set(paths.flatMap((path) => [`${SITE}${path}/`, `${SITE}${path}`, `${SITE}${path}.html`, `${SITE}${path}/?cluster=eu`]))];
}

/** The line of the `runbook_url` of the rule made for the `index`th URL tried (three lines of header, four a rule). */
const lineOf = (index: number): number => 7 + 4 * index;

/** The file a static host serves for `url` (a folder without its slash redirected to it), when the site has one. */
function servedFile(site: string, url: string): string | undefined {
  const path = decodeURIComponent(new URL(url).pathname).slice(1);
  const file = path.endsWith('/') ? `${path}index.html` : path;
  if (existsSync(join(site, file)) && statSync(join(site, file)).isFile()) return file;
  return existsSync(join(site, path, 'index.html')) ? `${path}/index.html` : undefined;
}

/** Whether the site file `file` is the page `page`, or sends the reader there by a meta refresh. */
function leadsTo(site: string, file: string, page: string): boolean {
  const text = readFileSync(join(site, file), 'utf8');
  if (text === readFileSync(join(site, page), 'utf8')) return true;
  const refresh = /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(text)?.[1];
  return refresh !== undefined && posix.normalize(posix.join(posix.dirname(file), refresh)) === page;
}

describe('runbook coverage and the built site', () => {
  const root = mkdtempSync(join(tmpdir(), 'runbook-url-agreement-'));
  const site = join(root, 'site');
  const urls = ALERTS.flatMap(({ alert, id }) => candidates(alert, id).map((url) => ({ alert, id, url })));
  /** The runbook page of each id, as `catalog.json` gives it. */
  let pages: ReadonlyMap<string, string>;

  beforeAll(async () => {
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    for (const [file, alerts] of Object.entries(RUNBOOKS)) write(`runbooks/${file}`, `---\nalerts: [${alerts.join(', ')}]\n---\n# ${file}\n`);
    const rules = urls.map(({ alert, url }) => `      - alert: ${alert}\n        expr: up == 0\n        annotations:\n          runbook_url: "${url}"\n`);
    write('rules.yaml', `groups:\n  - name: all\n    rules:\n${rules.join('')}`);
    const config = (pattern: string) => `root: runbooks\nalerts:\n  rules: [rules.yaml]\n  url: "${pattern}"\n  from_file_name: true\n`;
    write('by-id.yaml', config(`${SITE}runbooks/{id}/`));
    write('by-alert.yaml', config(`${SITE}alerts/{alert}`));
    const built = await runCli(['build', '--config', 'by-id.yaml', '--today', '2026-11-27', '--no-git', '--out', site], root);
    expect(built.code, built.stderr).toBe(0);
    const catalog = JSON.parse(readFileSync(join(site, 'catalog.json'), 'utf8')) as { runbooks: { id: string; url: string }[] };
    pages = new Map(catalog.runbooks.map((entry) => [entry.id, `${entry.url}index.html`]));
  }, 60_000);

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it.each(['by-id.yaml', 'by-alert.yaml'])('accepts exactly the runbook_urls the site serves as the runbook (%s)', async (config) => {
    const result = await runCli(['coverage', '--config', config, '--format', 'json'], root);
    const report = JSON.parse(result.stdout) as { files: { diagnostics: { ruleId: string; line: number }[] }[] };
    const reportedLines = new Set(report.files.flatMap((file) => file.diagnostics).filter((message) => message.ruleId === 'runbook-url-mismatch').map((message) => message.line));
    const disagreements = urls.flatMap(({ alert, id, url }, index) => {
      const page = pages.get(id) ?? '';
      const file = servedFile(site, url);
      const served = file !== undefined && leadsTo(site, file, page);
      const accepted = !reportedLines.has(lineOf(index));
      return served === accepted ? [] : [`${alert}: ${url} is ${accepted ? 'accepted' : 'reported'} but ${file === undefined ? 'not on the site' : `${file} ${served ? 'leads to' : 'does not lead to'} ${page}`}`];
    });
    expect(disagreements).toEqual([]);
    // Not a vacuous agreement: both kinds are there, the lower-case runbook URLs among the accepted.
    expect(reportedLines.size).toBeGreaterThan(20);
    const reported = (wanted: string): boolean => reportedLines.has(lineOf(urls.findIndex(({ url }) => url === wanted)));
    expect(reported(`${SITE}runbooks/kubernetes/kubepodcrashlooping/`)).toBe(false);
    expect(reported(`${SITE}runbooks/disk/full/`)).toBe(true);
  });
});
