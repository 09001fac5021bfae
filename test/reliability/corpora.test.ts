/**
 * The real corpora in ../shared/corpora go through build, cheat sheets and show with no crash and
 * sensible output. (`check` on every corpus is in test/cli/corpora.test.ts; every page of every
 * corpus in a browser is in test/browser/corpora.test.ts; figures are in docs/reliability.md.)
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { SHARED, sharedAvailable } from '../shared.js';

interface CatalogEntry {
  readonly id: string;
  readonly title: string;
  readonly owner: string | null;
  readonly service: string | null;
  readonly alerts: readonly string[];
}

const available = sharedAvailable();
const folder = mkdtempSync(join(tmpdir(), 'runbook-corpora-'));

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
}, 60_000);

/** Each corpus as found (default config), and the GOV.UK docs with the field mapping docs/format.md describes. */
function configurations(): readonly (readonly [string, string, readonly string[]])[] {
  if (!available) return [];
  const names = readdirSync(join(SHARED, 'corpora')).filter((name) => !name.startsWith('.')).sort();
  const found = names.map((name) => [name, join(SHARED, 'corpora', name), []] as const);
  // A copy beside the config: a config may only name paths inside its repository (its folder here).
  const govuk = join(folder, 'govuk');
  cpSync(join(SHARED, 'corpora', 'alphagov__govuk-developer-docs'), govuk, { recursive: true });
  const config = join(folder, 'govuk.config.yaml');
  writeFileSync(
    config,
    [
      'root: govuk',
      'include: ["source/manual/**/*.md", "source/manual/**/*.md.erb"]',
      'fields: {owner: owner_slack, last_tested: last_reviewed_on, review_every: review_in}',
      'extra_keys: [layout, parent, section, subsection, type, related_repos, important, description, old_paths]',
      'defaults: {service: govuk, severity: medium}',
    ].join('\n'),
  );
  return [...found, ['GOV.UK docs, mapped', govuk, ['--config', config]] as const];
}

const TODAY = ['--today', '2026-11-27', '--no-git'];

/** The slug a sheet file is named by, as the cheat sheets name them (see src/cheatsheet). */
function sheetFiles(out: string): readonly string[] {
  return readdirSync(out).sort();
}

describe.skipIf(!available)('the real corpora through build, cheatsheet and show', () => {
  it.each(configurations())(
    '%s: build exits 0 with a page per runbook and no internal error; sheets per team and service, or a clear exit 2; show finds runbooks by id and title',
    async (label, cwd, extra) => {
      const slug = label.replace(/\W+/g, '-');
      const site = join(folder, `site-${slug}`);
      const built = await runCli(['build', ...extra, '--out', site, ...TODAY], cwd);
      expect(built.code, built.stderr).toBe(0);
      const catalog = JSON.parse(readFileSync(join(site, 'catalog.json'), 'utf8')) as { readonly runbooks: readonly CatalogEntry[] };
      expect(catalog.runbooks.length).toBeGreaterThan(0);
      expect(built.stderr).toContain(`: ${catalog.runbooks.length} runbook`);
      const index = readFileSync(join(site, 'index.html'), 'utf8');
      expect(index).not.toMatch(/internal error|this is a bug in runbook/i);
      for (const runbook of catalog.runbooks) {
        const page = readFileSync(join(site, 'runbooks', ...runbook.id.split('/'), 'index.html'), 'utf8');
        expect(page, runbook.id).not.toMatch(/this is a bug in runbook/);
      }

      // Cheat sheets: one per owner (per service with --service), or exit 2 saying there is none to make.
      for (const [by, flag, key, message] of [
        ['team', [], 'owner', 'runbook: no runbook names an owner (team), so there is no sheet to make\n'],
        ['service', ['--service'], 'service', 'runbook: no runbook names a service, so there is no sheet to make\n'],
      ] as const) {
        const out = join(folder, `sheets-${slug}-${by}`);
        const sheets = await runCli(['cheatsheet', ...extra, ...flag, '--out', out, ...TODAY], cwd);
        const named = new Set(catalog.runbooks.flatMap((runbook) => (runbook[key] ?? [])));
        if (named.size === 0) {
          expect(sheets, by).toEqual({ code: 2, stdout: '', stderr: message });
          continue;
        }
        expect(sheets.code, sheets.stderr).toBe(0);
        expect(sheetFiles(out).length, by).toBe(named.size);
        expect(sheets.stderr, by).toMatch(new RegExp(`^wrote ${named.size} cheat sheets? to `));
      }

      // Show: the last runbook by its id; a runbook with a title no other has, by its title; every alert claimed once.
      const last = catalog.runbooks.at(-1);
      if (last === undefined) return;
      const byId = await runCli(['show', ...extra, last.id, '--json', ...TODAY.slice(0, 2)], cwd);
      expect(byId.code, byId.stderr).toBe(0);
      expect(JSON.parse(byId.stdout)).toMatchObject({ match: 'id', runbook: { id: last.id } });
      const titles = new Map<string, number>();
      for (const runbook of catalog.runbooks) titles.set(runbook.title.toLowerCase(), (titles.get(runbook.title.toLowerCase()) ?? 0) + 1);
      const unique = catalog.runbooks.find((runbook) => titles.get(runbook.title.toLowerCase()) === 1 && runbook.title.trim() !== '');
      if (unique !== undefined) {
        const byTitle = await runCli(['show', ...extra, unique.title, '--json', ...TODAY.slice(0, 2)], cwd);
        expect(byTitle.code, `${unique.title}: ${byTitle.stdout}`).toBe(0);
        expect(JSON.parse(byTitle.stdout)).toMatchObject({ runbook: { id: unique.id } });
      }
      const claims = new Map<string, string[]>();
      for (const runbook of catalog.runbooks) for (const alert of runbook.alerts) claims.set(alert, [...(claims.get(alert) ?? []), runbook.id]);
      const claimed = [...claims].filter(([, ids]) => ids.length === 1).slice(0, 3);
      for (const [alert, [id]] of claimed) {
        const byAlert = await runCli(['show', ...extra, alert, '--json', ...TODAY.slice(0, 2)], cwd);
        expect(JSON.parse(byAlert.stdout), alert).toMatchObject({ match: 'alert', runbook: { id } });
      }
    },
    300_000,
  );
});
