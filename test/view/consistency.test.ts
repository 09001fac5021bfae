/**
 * Every output tells the same facts. For each runbook of the examples and of every shared corpus,
 * the site page, `catalog.json`, the cheat sheets (data, Markdown and text) and `show` (card, JSON
 * and text) are made as the commands make them, and the facts each shows are read back from it:
 * status, last tested, due date, review interval, owner team, escalation in order, recovery steps,
 * alert names and the runbook's URL. The test fails when any two outputs disagree on any of them.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSheetMarkdown } from '../../src/cheatsheet/markdown.js';
import { cheatSheets, type SheetRunbook } from '../../src/cheatsheet/sheet.js';
import { renderSheetText } from '../../src/cheatsheet/text.js';
import { loadTemplates } from '../../src/io/templates.js';
import { cardOf } from '../../src/oncall/card.js';
import { cardJson } from '../../src/oncall/card-json.js';
import { cardText } from '../../src/oncall/card-text.js';
import { palette } from '../../src/report/ansi.js';
import { planSite } from '../../src/site/build-site.js';
import { collectionView, type RunbookView } from '../../src/view/collection-view.js';
import { formatSeconds } from '../../src/view/drills.js';
import { loadProject } from '../load-project.js';
import { PROJECT_ROOT, SHARED, sharedAvailable } from '../shared.js';

const TODAY = { year: 2026, month: 11, day: 27 };
const TEMPLATES = loadTemplates(undefined);

/**
 * The case that showed the outputs disagreeing: tested on a date, but with no severity and no
 * `review_every`, so there is no due date; with a base URL, so every output has a URL to agree on.
 */
function testedWithoutInterval(): string {
  const folder = mkdtempSync(join(tmpdir(), 'runbook-view-'));
  mkdirSync(join(folder, 'runbooks'));
  writeFileSync(join(folder, 'runbook.config.yaml'), 'teams:\n  data:\n    name: Data\n    escalation:\n      - {name: Data on-call, via: pager, target: data-primary}\nsite: {base_url: "https://runbooks.example.com/docs"}\n');
  const runbook = (title: string, extra: string) =>
    `---\ntitle: ${title}\nowner: data\nservice: orders\nalerts: [${title.replaceAll(' ', '')}]\n${extra}---\n# ${title}\n\n## Recovery\n\n1. Restart it\n\n   \`\`\`sh\n   systemctl restart orders\n   \`\`\`\n`;
  writeFileSync(join(folder, 'runbooks', 'no-interval.md'), runbook('Orders slow', 'last_tested: 2026-11-01\n'));
  writeFileSync(join(folder, 'runbooks', 'interval.md'), runbook('Orders down', 'severity: high\nlast_tested: 2026-10-01\nescalation:\n  - {name: DBA, via: phone, target: "+44 20 7946 0000"}\n'));
  writeFileSync(join(folder, 'runbooks', 'never.md'), runbook('Orders lost', 'severity: low\nlast_tested: never\n'));
  return folder;
}

const collections: readonly (readonly [string, string])[] = [
  ['tested without a review interval', testedWithoutInterval()],
  ['examples', PROJECT_ROOT],
  ['a team with drill records', join(PROJECT_ROOT, 'test', 'fixtures', 'cheatsheet', 'drilled')],
  ...(sharedAvailable()
    ? readdirSync(join(SHARED, 'corpora'))
        .filter((name) => !name.startsWith('.'))
        .sort()
        .map((name): [string, string] => [name, join(SHARED, 'corpora', name)])
    : []),
];

/** The facts one output shows about a runbook; a fact the output does not show is left out. */
interface Facts {
  status?: string;
  lastTested?: string | null;
  due?: string | null;
  interval?: string | null;
  owner?: string | null;
  escalation?: readonly string[];
  steps?: readonly string[];
  alerts?: readonly string[];
  url?: string;
  /** The typical time to recover in drills, for people (`15 min`), or null. */
  typical?: string | null;
}

describe('every output tells the same facts about each runbook', () => {
  it.each(collections)('%s', async (_name, folder) => {
    const project = await loadProject({ cwd: folder, paths: [], config: undefined, today: TODAY, git: false, render: true });
    const view = collectionView(project.runbooks, project.diagnostics, project.config, TODAY, project.git, undefined, project.drills);
    const site = planSite({ ...project, today: TODAY, templates: TEMPLATES });
    const catalog = JSON.parse(String(site.file('catalog.json'))) as { runbooks: readonly CatalogEntry[] };
    const sheets = cheatSheets(view, { kind: 'every-team' }, { today: TODAY, commit: { kind: 'unknown' } });
    const sheetEntries = new Map<string, { readonly entry: SheetRunbook; readonly teamContacts: readonly string[]; readonly rendered: readonly string[] }>();
    if (sheets.kind === 'sheets') {
      for (const sheet of sheets.sheets) {
        const rendered = [renderSheetMarkdown(sheet), renderSheetText(sheet)];
        const teamContacts = sheet.teams.flatMap((team) => team.contacts.map((contact) => contact.target));
        for (const entry of sheet.runbooks) sheetEntries.set(entry.id, { entry, teamContacts, rendered });
      }
    }
    expect(view.runbooks.length).toBeGreaterThan(0);
    const disagreements: string[] = [];
    for (const entry of view.runbooks) {
      const id = entry.runbook.id;
      const outputs: Record<string, Facts> = {
        view: viewFacts(entry),
        'site page': pageFacts(site.file(entry.page) ?? ''),
        'catalog.json': catalogFacts(catalog.runbooks.find((each) => each.id === id)),
        'show --json': showFacts(entry),
      };
      const sheet = sheetEntries.get(id);
      if (sheet !== undefined) {
        outputs['cheat sheet'] = sheetFacts(sheet.entry, sheet.teamContacts, entry);
        for (const text of sheet.rendered) {
          if (!text.includes(sheet.entry.statusText)) disagreements.push(`${id}: a rendered sheet does not say "${sheet.entry.statusText}"`);
        }
      }
      const show = cardText(cardOf(entry), palette(false));
      const lastTested = outputs.view?.lastTested;
      if (typeof lastTested === 'string' && !show.includes(lastTested)) disagreements.push(`${id}: show does not print last tested ${lastTested}`);
      disagreements.push(...disagreementsOf(id, outputs));
    }
    expect(disagreements).toEqual([]);
  });
});

/** Every fact on which two outputs that show it differ, as `id: fact: output=value, …`. */
function disagreementsOf(id: string, outputs: Record<string, Facts>): readonly string[] {
  const keys: readonly (keyof Facts)[] = ['status', 'lastTested', 'due', 'interval', 'owner', 'escalation', 'steps', 'alerts', 'url', 'typical'];
  return keys.flatMap((key) => {
    const shown = Object.entries(outputs).filter(([, facts]) => key in facts).map(([name, facts]) => [name, JSON.stringify(facts[key])] as const);
    return new Set(shown.map(([, value]) => value)).size > 1 ? [`${id}: ${key}: ${shown.map(([name, value]) => `${name}=${value}`).join(', ')}`] : [];
  });
}

function viewFacts(entry: RunbookView): Facts {
  const review = entry.review;
  return {
    status: entry.status.kind,
    lastTested: review.kind === 'never-tested' ? 'never' : review.kind === 'unknown' ? null : review.lastTested,
    due: review.kind === 'tested' ? review.due : null,
    interval: review.kind === 'tested' ? review.interval : null,
    owner: entry.team?.id ?? null,
    escalation: entry.escalation.contacts.map((contact) => contact.target),
    steps: entry.steps.map((step) => step.run ?? step.text),
    alerts: entry.alerts,
    url: entry.link,
    typical: entry.drills.typical?.text ?? null,
  };
}

interface CatalogEntry {
  readonly id: string;
  readonly url: string;
  readonly owner: string | null;
  readonly alerts: readonly string[];
  readonly status: string;
  readonly last_tested: string | null;
  readonly due: string | null;
  readonly typical_time_to_recover?: { readonly seconds: number } | null;
}

function catalogFacts(entry: CatalogEntry | undefined): Facts {
  if (entry === undefined) return { status: 'missing from catalog.json' };
  const typical = entry.typical_time_to_recover;
  return { status: entry.status, lastTested: entry.last_tested, due: entry.due, owner: entry.owner, alerts: entry.alerts, url: entry.url, typical: typical == null ? null : formatSeconds(typical.seconds) };
}

function showFacts(entry: RunbookView): Facts {
  const json = cardJson(cardOf(entry));
  return {
    status: json.status.kind,
    lastTested: json.status.last_tested,
    due: json.status.due,
    interval: json.status.review_every,
    owner: json.owner?.id ?? null,
    escalation: json.escalation.contacts.map((contact) => contact.target),
    steps: json.steps.map((step) => step.run ?? step.text),
    alerts: json.alerts,
    // Without a base URL, show points at the source file rather than a site path.
    ...(entry.url === undefined ? {} : { url: json.url }),
    typical: typicalIn(cardText(cardOf(entry), palette(false))),
  };
}

/** What a sheet shows: the first steps only, and the team's contacts in its header unless the runbook has its own. */
function sheetFacts(entry: SheetRunbook, teamContacts: readonly string[], view: RunbookView): Facts {
  const escalation = entry.escalation.length > 0 ? entry.escalation.map((contact) => contact.target) : view.escalation.source === 'none' ? [] : teamContacts;
  return {
    status: entry.status,
    alerts: entry.alerts,
    // Without a base URL the sheet points to the file in the repository (a site path means nothing on paper).
    ...(view.url === undefined ? {} : { url: entry.link.url }),
    steps: [...entry.steps.map((step) => step.run ?? step.text), ...view.steps.slice(entry.steps.length).map((step) => step.run ?? step.text)],
    escalation,
    typical: typicalIn(entry.recovered ?? ''),
    ...(view.review.kind === 'tested' || view.review.kind === 'no-interval' ? { lastTested: entry.statusText.includes(view.review.lastTested) ? view.review.lastTested : `not in "${entry.statusText}"` } : {}),
  };
}

/** The facts a runbook page shows, read back from its HTML. */
function pageFacts(html: string): Facts {
  const dd = (term: string): string | null => {
    const text = decode(new RegExp(`<dt>${term}</dt><dd>([^<]*)</dd>`).exec(html)?.[1] ?? 'absent');
    return text === 'unknown' ? null : text;
  };
  const section = (name: string): string => new RegExp(`<section class="${name}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';
  const steps = [...section('recovery').matchAll(/<li>\s*<p class="step-text">([\s\S]*?)<\/p>\s*(?:<div class="command"><pre><code>([\s\S]*?)<\/code>)?/g)].map(
    (match) => decode((match[2] ?? match[1] ?? '').replace(/<[^>]*>/g, '')),
  );
  // Steps written in the body are shown as that section, as written (the site's recovery panel): no step list to read back.
  const asWritten = section('recovery').includes('<div class="recovery-as-written">');
  const contacts = [...section('escalation').matchAll(/<li><strong>[\s\S]*?<code>([\s\S]*?)<\/code><\/li>/g)].map((match) => decode(match[1] ?? ''));
  const alertList = /<p class="alert-list">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
  return {
    status: /class="badge status status-([a-z-]+)"/.exec(html)?.[1] ?? 'absent',
    lastTested: dd('Last tested'),
    due: dd('Review due'),
    owner: decode(/<span>Team <a href="[^"]*">([^<]*)<\/a><\/span>/.exec(html)?.[1] ?? '') || null,
    escalation: contacts,
    ...(asWritten ? {} : { steps }),
    alerts: [...alertList.matchAll(/<code>([\s\S]*?)<\/code>/g)].map((match) => decode(match[1] ?? '')),
    typical: typicalIn(html),
  };
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'", '#x3D': '=', '#x60': '`' };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#x27|#39|#x3D|#x60);/g, (_match, name: string) => ENTITIES[name] ?? '');
}

/** The time in "typically recovered in 15 min (…)" (any case), or null when the text says none. */
function typicalIn(text: string): string | null {
  return /[Tt]ypically recovered in ([^(<]+?) \(/.exec(text)?.[1] ?? null;
}
