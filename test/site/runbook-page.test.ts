/**
 * The runbook page as a reader sees it: the title once, the recovery as written, and alarms only for
 * the rules that are on. Pages are built through the whole pipeline (parse, check, build) from Markdown.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../reliability/pipeline.js';

const FRONTMATTER = ['---', 'title: Kube Pod Crash Looping', 'owner: data', 'service: s', 'severity: low', 'last_tested: 2026-11-01', '---', ''].join('\n');

/** The page of `runbooks/a.md` holding `text`. */
function pageOf(text: string): string {
  const { site } = runPipeline(new TextEncoder().encode(text), undefined, 'a');
  const page = site.find((file) => file.path === 'runbooks/a/index.html');
  if (page === undefined) throw new Error('no page for runbooks/a.md');
  return page.content;
}

/** The text of every `<h1>` of a page, tags removed. */
function h1s(page: string): readonly string[] {
  return [...page.matchAll(/<h1[^>]*>([\s\S]*?)<\/h1>/g)].map((match) => (match[1] ?? '').replace(/<[^>]*>/g, ''));
}

describe('the title of a runbook page is shown once', () => {
  it('leaves out an opening H1 that stands for the title in other spacing, and the header keeps its anchor', () => {
    const page = pageOf(`${FRONTMATTER}\n# KubePodCrashLooping\n\n## Meaning\n\nPods restart.\n`);
    expect(h1s(page)).toEqual(['Kube Pod Crash Looping']);
    expect(page).toContain('<header class="runbook-header" id="kubepodcrashlooping">');
  });

  it('leaves out the H1 a runbook without frontmatter takes its title from, after a table of contents', () => {
    const page = pageOf('**Table of Contents**\n\n[[_TOC_]]\n\n# Api Service\n\n## Summary\n\nWords.\n');
    expect(h1s(page)).toEqual(['Api Service']);
    expect(page).toContain('<p>[[<em>TOC</em>]]</p>\n<h2 id="summary">Summary</h2>');
  });

  it('leaves out an H1 with inline code or an outside link when its text is the title', () => {
    expect(h1s(pageOf('# Renew the certificate of `*.gitter.im`\n\nWords.\n'))).toEqual(['Renew the certificate of *.gitter.im']);
    expect(h1s(pageOf('# [Cloudflare](https://cloudflare.com)\n\nWords.\n'))).toEqual(['Cloudflare']);
  });

  it('keeps an H1 that says something else, and one that comes after another heading', () => {
    expect(h1s(pageOf(`${FRONTMATTER}\n# Background\n\nWords.\n`))).toEqual(['Kube Pod Crash Looping', 'Background']);
    expect(h1s(pageOf(`${FRONTMATTER}\n## Meaning\n\n# Kube Pod Crash Looping\n`))).toEqual(['Kube Pod Crash Looping', 'Kube Pod Crash Looping']);
  });
});
