/**
 * The sites the width and accessibility tests look at: the example runbooks and a copy of the
 * prometheus-operator corpus with the config `runbook init` writes for it (108 runbooks, one
 * `unassigned` team), each served over HTTP at `/`, and one URL of every page type of each.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { PROJECT_ROOT, SHARED } from '../shared.js';
import { mustBuild, serveSite, type StaticServer } from './browser.js';

/** The corpus and the reviewed config init writes for it (test/adopt/golden-init). */
const CORPUS = 'prometheus-operator__runbooks';

/** A page type and where one page of it is, as a site path. */
export interface PageType {
  readonly type: string;
  readonly path: string;
}

/** Every page type of the examples site: index, runbook, alert, alerts index, team, service, 404, cheat sheet. */
export const EXAMPLE_PAGES: readonly PageType[] = [
  { type: 'index', path: 'index.html' },
  { type: 'runbook', path: 'runbooks/payments/retry-storm/index.html' },
  { type: 'runbook (long tokens)', path: 'runbooks/tls/certificate-expiry/index.html' },
  { type: 'alert', path: 'alerts/PaymentsRetryRatioHigh/index.html' },
  { type: 'alerts index', path: 'alerts/index.html' },
  { type: 'teams', path: 'teams/index.html' },
  { type: 'team', path: 'teams/payments/index.html' },
  { type: 'services', path: 'services/index.html' },
  { type: 'service', path: 'services/payments-api/index.html' },
  { type: '404', path: 'no/such/page/' },
  { type: 'team cheat sheet', path: 'teams/payments/cheatsheet/index.html' },
];

/** The same page types on the prometheus-operator corpus. */
export const CORPUS_PAGES: readonly PageType[] = [
  { type: 'index', path: 'index.html' },
  { type: 'runbook', path: 'runbooks/kubernetes/KubePodCrashLooping/index.html' },
  { type: 'alert', path: 'alerts/KubePodCrashLooping/index.html' },
  { type: 'alerts index', path: 'alerts/index.html' },
  { type: 'team', path: 'teams/unassigned/index.html' },
  { type: 'service', path: 'services/unassigned/index.html' },
  { type: '404', path: 'runbooks/nowhere/' },
  { type: 'team cheat sheet', path: 'teams/unassigned/cheatsheet/index.html' },
];

/** The two built sites, served, and a way to remove them. */
export interface TestSites {
  readonly examples: StaticServer;
  /** Undefined when ../shared is not there (the caller has said so loudly). */
  readonly corpus: StaticServer | undefined;
  readonly corpusFolder: string | undefined;
  close(): Promise<void>;
}

/** Builds the examples and (when `withCorpus`) the corpus copy into a temp folder and serves both. */
export async function buildTestSites(withCorpus: boolean): Promise<TestSites> {
  const work = mkdtempSync(join(tmpdir(), 'runbook-page-types-'));
  await mustBuild(PROJECT_ROOT, 'runbooks', join(work, 'examples'));
  const examples = await serveSite(join(work, 'examples'), '/');
  let corpus: StaticServer | undefined;
  if (withCorpus) {
    const source = join(work, CORPUS);
    cpSync(join(SHARED, 'corpora', CORPUS), source, { recursive: true });
    cpSync(join(PROJECT_ROOT, 'test', 'adopt', 'golden-init', `${CORPUS}.yaml`), join(source, 'runbook.config.yaml'));
    await mustBuild(source, 'content/runbooks', join(work, 'corpus'));
    corpus = await serveSite(join(work, 'corpus'), '/');
  }
  return {
    examples,
    corpus,
    corpusFolder: corpus === undefined ? undefined : join(work, 'corpus'),
    close: async () => {
      await examples.close();
      await corpus?.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** The runbook pages the index of a built site links to (each runbook once, at its own path). */
export function runbookPagesOf(folder: string): readonly string[] {
  const index = join(folder, 'index.html');
  if (!existsSync(index)) return [];
  return [...new Set([...readFileSync(index, 'utf8').matchAll(/href="(runbooks\/[^"]+\/index\.html)"/g)].map((match) => decodeURIComponent(match[1] ?? '')))].sort();
}

/**
 * Opens a page and stays on it: an alert page's refresh to its runbook is stopped, so that the alert
 * page itself is what is measured. A 404 answer is expected for the 404 page.
 */
export async function openPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.route(
    (target) => target.pathname.startsWith('/runbooks/') && new URL(url).pathname.startsWith('/alerts/'),
    (route) => (route.request().isNavigationRequest() ? route.abort('aborted') : route.continue()),
  );
  await page.goto(url, { waitUntil: 'load' });
  return page;
}
