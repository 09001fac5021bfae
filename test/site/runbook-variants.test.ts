/**
 * A runbook's page at its lower-case path: the same bytes as the page (so that a file system that
 * ignores case, where the two paths are one file, holds the page whichever is written last), never
 * over another page, and only where the lower-case path is the runbook's alone.
 */
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/model/config.js';
import { parseConfig } from '../../src/parse/config.js';
import { parseRunbook } from '../../src/parse/runbook.js';
import { buildSite, planSite } from '../../src/site/build-site.js';
import { withVariants } from '../../src/site/runbook-variants.js';
import type { SiteFile } from '../../src/site/search-document.js';
import { TEMPLATES } from '../reliability/pipeline.js';
import { TODAY } from '../helpers.js';

/** Runbooks by id, each answering the alerts listed. */
const RUNBOOKS: Readonly<Record<string, readonly string[]>> = {
  'kubernetes/KubePodCrashLooping': ['KubePodCrashLooping'],
  'nodes/node-down': ['NodeDown'],
  'Disk/Full': ['DiskFull'],
  'disk/full': ['DiskAlmostFull'],
  'ops/Primary Down': [],
};

function siteOf(configText = 'root: runbooks'): readonly SiteFile[] {
  return buildSite(inputOf(parseConfig(configText, '/c/runbook.config.yaml')));
}

function inputOf(config: Config) {
  const loaded = Object.entries(RUNBOOKS).map(([id, alerts]) => {
    const text = `---\ntitle: ${id}\nalerts: [${alerts.join(', ')}]\n---\n# ${id}\n\nSee [the other](../nodes/node-down.md).\n`;
    const result = parseRunbook({ id, file: `runbooks/${id}.md`, path: `/c/runbooks/${id}.md`, bytes: new TextEncoder().encode(text) }, config, { render: true });
    if (result.kind !== 'runbook') throw new Error(`${id}: ${result.reason}`);
    return result;
  });
  return {
    runbooks: loaded.map((result) => result.runbook),
    bodies: new Map(loaded.map((result) => [result.runbook.path, result.body])),
    diagnostics: [],
    config,
    today: TODAY,
    git: { kind: 'none' } as const,
    templates: TEMPLATES,
  };
}

const contentAt = (site: readonly SiteFile[], path: string) => site.find((file) => file.path === path)?.content;

describe('the lower-case path of a runbook page', () => {
  const site = siteOf();

  it('holds the runbook page byte for byte, both naming the runbook folder as canonical', () => {
    const page = contentAt(site, 'runbooks/kubernetes/KubePodCrashLooping/index.html');
    expect(page).toContain('<link rel="canonical" href="../../../runbooks/kubernetes/KubePodCrashLooping/">');
    expect(contentAt(site, 'runbooks/kubernetes/kubepodcrashlooping/index.html')).toBe(page);
    expect(contentAt(site, 'runbooks/ops/primary-down/index.html')).toBe(contentAt(site, 'runbooks/ops/Primary-Down/index.html'));
  });

  it('names the canonical URL under the base URL when the site has one', () => {
    const based = siteOf('root: runbooks\nsite: {base_url: "https://r.example.com/docs/"}');
    expect(contentAt(based, 'runbooks/kubernetes/kubepodcrashlooping/index.html')).toContain(
      '<link rel="canonical" href="https://r.example.com/docs/runbooks/kubernetes/KubePodCrashLooping/">',
    );
  });

  it('is not written for a page already in lower case, and a page written at one path has no canonical link', () => {
    expect(site.filter((file) => file.path.toLowerCase() === 'runbooks/nodes/node-down/index.html').map((file) => file.path)).toEqual(['runbooks/nodes/node-down/index.html']);
    expect(contentAt(site, 'runbooks/nodes/node-down/index.html')).not.toContain('rel="canonical"');
  });

  it('is not written when two runbooks differ only in case: the lower-case URL is neither one', () => {
    expect(site.map((file) => file.path).filter((path) => path.toLowerCase().startsWith('runbooks/disk/'))).toEqual([
      'runbooks/Disk/Full/index.html',
      'runbooks/disk/full-2/index.html',
    ]);
  });

  it('leaves every path of the site one content where case is ignored (macOS, Windows), alert pages included', () => {
    const byFolded = new Map<string, Set<SiteFile['content']>>();
    for (const file of site) byFolded.set(file.path.toLowerCase(), (byFolded.get(file.path.toLowerCase()) ?? new Set()).add(file.content));
    expect([...byFolded].filter(([, contents]) => contents.size > 1).map(([path]) => path)).toEqual([]);
    expect(site.filter((file) => file.path.toLowerCase() === 'alerts/kubepodcrashlooping/index.html')).toHaveLength(2);
    // No file is where another file's folder is, case ignored.
    const folders = new Set(site.flatMap((file) => file.path.toLowerCase().split('/').slice(0, -1).map((_, index, parts) => parts.slice(0, index + 1).join('/'))));
    expect(site.filter((file) => folders.has(file.path.toLowerCase())).map((file) => file.path)).toEqual([]);
  });

  it('is the page the plan makes for the runbook, the same on every build', () => {
    const plan = planSite(inputOf(parseConfig('root: runbooks', '/c/runbook.config.yaml')), { remember: false });
    const variant = plan.file('runbooks/kubernetes/kubepodcrashlooping/index.html');
    expect(plan.file('runbooks/kubernetes/KubePodCrashLooping/index.html')).toBe(variant);
    expect(plan.file('runbooks/kubernetes/kubepodcrashlooping/index.html')).toBe(variant);
    expect(siteOf()).toEqual(site);
  });

  it('shares one rendering with the page, whichever of the two paths is asked first', () => {
    let renders = 0;
    const [own, ...rest] = withVariants([{ page: 'runbooks/A/index.html', variants: ['runbooks/a/index.html'] }], [{ path: 'runbooks/A/index.html', make: () => `page ${++renders}` }]);
    const variant = rest.at(-1);
    expect([own?.make(), variant?.make(), variant?.make(), own?.make()]).toEqual(['page 1', 'page 1', 'page 2', 'page 2']);
    expect(renders).toBe(2);
  });

  it('never replaces another page of the site, whatever its case', () => {
    const page = (path: string) => ({ path, make: () => path });
    const pages = withVariants(
      [
        { page: 'runbooks/A/index.html', variants: ['runbooks/a/index.html'] },
        { page: 'runbooks/B/index.html', variants: ['runbooks/b/index.html'] },
        { page: 'runbooks/C/index.html', variants: ['runbooks/c/index.html'] },
      ],
      [page('runbooks/A/index.html'), page('runbooks/B/index.html'), page('runbooks/b/index.html'), page('runbooks/C/index.html'), page('runbooks/c/INDEX.html')],
    );
    expect(pages.map((entry) => `${entry.path} ${entry.make()}`)).toEqual([
      'runbooks/A/index.html runbooks/A/index.html',
      'runbooks/B/index.html runbooks/B/index.html',
      'runbooks/b/index.html runbooks/b/index.html',
      'runbooks/C/index.html runbooks/C/index.html',
      'runbooks/c/INDEX.html runbooks/c/INDEX.html',
      'runbooks/a/index.html runbooks/A/index.html',
    ]);
  });

  it('compares paths case folded as a file system ignoring case does: ας is the page ασ there, a final sigma', () => {
    const page = (path: string) => ({ path, make: () => path });
    const pages = withVariants([{ page: 'runbooks/ΑΣ/index.html', variants: ['runbooks/ας/index.html'] }], [page('runbooks/ΑΣ/index.html'), page('runbooks/ασ/index.html')]);
    expect(pages.map((entry) => entry.path)).toEqual(['runbooks/ΑΣ/index.html', 'runbooks/ασ/index.html']);
  });
});
