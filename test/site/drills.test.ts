/**
 * Drills on the site: each runbook page's Drills section (table and SVG trend), the Drills page, the
 * team median, and nothing at all for a collection without drill records. Records are untrusted:
 * hostile operator and environment names come out escaped, shortened and with their bidi controls
 * written out.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SiteFile } from '../../src/site/search-document.js';
import { drillFile } from '../drill-records.js';
import { drillSite } from './drill-site.js';

let site: readonly SiteFile[];
let bare: readonly SiteFile[];

beforeAll(async () => {
  site = await drillSite();
  bare = await drillSite([]);
}, 60_000);

function pageOf(files: readonly SiteFile[], path: string): string {
  const file = files.find((entry) => entry.path === path);
  if (file === undefined) throw new Error(`no ${path}`);
  return file.content;
}

function drillsSectionOf(page: string): string {
  const start = page.indexOf('<section class="drills"');
  return start < 0 ? '' : page.slice(start, page.indexOf('</section>', start));
}

describe('the Drills section of a runbook page', () => {
  it('lists the drills newest first, with the typical time to recover, and is in the table of contents', () => {
    const page = pageOf(site, 'runbooks/payments/retry-storm/index.html');
    const section = drillsSectionOf(page);
    expect([...section.matchAll(/<td class="date">([^<]+)</g)].map((match) => match[1])).toEqual(['2026-10-05', '2026-09-07', '2026-08-03', '2026-07-06', '2026-06-08', '2026-05-04']);
    expect(section).toContain('Typically recovered in 15 min (median of the last 3 recovered drills).');
    expect(section).toContain('<span class="outcome outcome-failed">Failed</span></td><td class="duration">—</td>');
    expect(page).toContain('<li><a href="#RB-drills">Drills</a></li>');
  });

  it('draws the trend of time to recover as an inline SVG stating its figures, oldest to newest', () => {
    const section = drillsSectionOf(pageOf(site, 'runbooks/payments/retry-storm/index.html'));
    expect(section).toContain('<svg role="img" aria-labelledby="RB-drill-trend-title" viewBox="0 0 320 80"');
    expect(section).toContain('<title id="RB-drill-trend-title">Time to recover over the last 5 recovered drills, oldest to newest: 31 min, 24 min, 18 min, 15 min, 12 min</title>');
    expect(section).toContain('points="8,8 84,22.5 160,34.8 236,41 312,47.2"');
    expect(section.match(/<circle /g)).toHaveLength(5);
    // CSP: no style attribute, no script.
    expect(section).not.toMatch(/\sstyle=|<script/);
  });

  it('escapes hostile operator and environment names, writes out their bidi controls and shortens them', () => {
    const section = drillsSectionOf(pageOf(site, 'runbooks/database/primary-down/index.html'));
    expect(section).toContain('<bdi>&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;</bdi>');
    expect(section).toContain('<bdi>&lt;script&gt;alert(1)&lt;/script&gt;[U+202E]evilxx…</bdi>');
    // Pages only: catalog.json is data and gives the names as recorded (JSON-escaped).
    for (const file of site.filter((entry) => entry.path.endsWith('.html'))) {
      expect(file.content).not.toContain('\u202E');
      expect(file.content).not.toContain('<img src=x');
      expect(file.content).not.toContain('<script>alert');
      expect(file.content).not.toContain('x'.repeat(100));
    }
  });

  it('says "No drills recorded." for a runbook without drills, and keeps the last 10 of more', async () => {
    expect(drillsSectionOf(pageOf(site, 'runbooks/dns/provider-outage/index.html'))).toContain('<p class="hint">No drills recorded.</p>');
    const many = Array.from({ length: 12 }, (_, index) => drillFile('dns/provider-outage', `2026-0${Math.floor(index / 3) + 1}-1${index % 3}T10:00:00Z`, 'recovered', 60 * (index + 1)));
    const section = drillsSectionOf(pageOf(await drillSite(many), 'runbooks/dns/provider-outage/index.html'));
    expect(section.match(/<td class="date">/g)).toHaveLength(10);
    expect(section).toContain('The last 10 of 12 drills.');
    expect(section.match(/<circle /g)).toHaveLength(12);
  }, 30_000);
});

describe('the Drills page and the team pages', () => {
  it('lists recent drills with links to their runbooks, and what falls due next, soonest first', () => {
    const page = pageOf(site, 'drills/index.html');
    expect(page).toContain('<td class="date">2026-11-20</td><td><a href="../runbooks/database/primary-down/index.html">Primary database down</a></td><td><span class="outcome outcome-aborted">Aborted</span>');
    const due = page.slice(page.indexOf('id="RB-due-next"'));
    const dates = [...due.matchAll(/<td class="date">(\d{4}-\d{2}-\d{2})</g)].map((match) => match[1] ?? '');
    expect(dates.length).toBeGreaterThan(3);
    expect([...dates].sort()).toEqual(dates);
  });

  it('is linked from the navigation of every page', () => {
    expect(pageOf(site, 'index.html')).toContain('<a href="drills/index.html">Drills</a>');
    expect(pageOf(site, 'runbooks/payments/retry-storm/index.html')).toContain('<a href="../../../drills/index.html">Drills</a>');
  });

  it("shows a team's median time to recover over its runbooks' latest recovered drills", () => {
    expect(pageOf(site, 'teams/payments/index.html')).toContain('Median time to recover: <strong>12 min</strong> (over the latest recovered drill of 1 runbook).');
    expect(pageOf(site, 'teams/platform/index.html')).not.toContain('Median time to recover');
  });
});

describe('a collection without drill records', () => {
  it('has no Drills page, link or section', () => {
    expect(bare.some((file) => file.path.startsWith('drills/'))).toBe(false);
    for (const file of bare.filter((entry) => entry.path.endsWith('.html'))) expect(file.content).not.toMatch(/RB-drills|drills\/index\.html|group-recovery/);
  });
});

describe('catalog.json', () => {
  it('gives each runbook its drills, newest first, and its typical time to recover', () => {
    const catalog = JSON.parse(pageOf(site, 'catalog.json')) as { version: number; runbooks: { id: string; drills: unknown[]; typical_time_to_recover: unknown }[] };
    expect(catalog.version).toBe(1);
    const storm = catalog.runbooks.find((entry) => entry.id === 'payments/retry-storm');
    expect(storm?.drills[0]).toEqual({ started: '2026-10-05T09:00:00Z', ended: '2026-10-05T09:12:00Z', outcome: 'recovered', time_to_recover_seconds: 720, environment: 'staging', operator: 'Ada Lovelace' });
    expect(storm?.drills[3]).toMatchObject({ outcome: 'failed', time_to_recover_seconds: null });
    expect(storm?.typical_time_to_recover).toEqual({ seconds: 900, over: 3 });
    const dns = catalog.runbooks.find((entry) => entry.id === 'dns/provider-outage');
    expect([dns?.drills, dns?.typical_time_to_recover]).toEqual([[], null]);
  });

  it('is what it was for a collection without drill records', () => {
    expect(pageOf(bare, 'catalog.json')).not.toContain('drills');
  });
});

describe('the trend', () => {
  it('is drawn from two recovered drills on: one is said by the typical time to recover', () => {
    const section = drillsSectionOf(pageOf(site, 'runbooks/database/primary-down/index.html'));
    expect(section).toContain('Typically recovered in 1 h 5 min (last recovered drill).');
    expect(section).not.toContain('<svg');
  });
});
