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

/** The recovery panel of a page, from its opening tag to the escalation section. */
function panelOf(page: string): string {
  const start = page.indexOf('<section class="recovery"');
  return page.slice(start, page.indexOf('<section class="escalation"', start));
}

/** The body section of a page. */
function bodyOf(page: string): string {
  return page.slice(page.indexOf('<section class="body"'));
}

const BODY_STEP = [
  '## Recovery',
  '',
  '1. Restart the `api` pods with **care**:',
  '',
  '   ```sh',
  '   kubectl rollout restart deploy/api',
  '   ```',
  '',
  '   Expect `deployment.apps/api restarted`.',
  '',
  '## Escalation',
  '',
  'Words.',
  '',
].join('\n');

describe('the recovery panel shows the recovery once, as written', () => {
  it('moves a body-written step into the panel: text, command, then what to expect, inline code kept', () => {
    const page = pageOf(`${FRONTMATTER}${BODY_STEP}`);
    const panel = panelOf(page);
    expect(panel).toContain('<section class="recovery" id="recovery" aria-labelledby="RB-recovery-steps">');
    const order = ['Restart the <code>api</code> pods with <strong>care</strong>:', 'kubectl rollout restart deploy/api', 'Expect <code>deployment.apps/api restarted</code>.'].map((part) => panel.indexOf(part));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(bodyOf(page)).not.toContain('kubectl rollout restart');
    expect(bodyOf(page)).not.toContain('id="recovery"');
    expect(bodyOf(page)).toContain('<h2 id="escalation">Escalation</h2>');
  });

  it('renders frontmatter steps with their inline formatting, text before command before what to expect', () => {
    const frontmatter = FRONTMATTER.replace('---\n\n', '').replace(/---\n$/, '');
    const text = `${frontmatter}recovery:\n  - step: Drain the \`worker\` queue\n    run: queuectl drain worker\n    expect: "**0** messages left"\n---\n`;
    const panel = panelOf(pageOf(text));
    expect(panel).toContain('<p class="step-text">Drain the <code>worker</code> queue</p>');
    expect(panel.indexOf('queuectl drain worker')).toBeLessThan(panel.indexOf('<p class="expect"><span>Expect:</span> <strong>0</strong> messages left</p>'));
  });

  it('shows a recovery section written as prose, with a quiet note instead of an alarm', () => {
    const page = pageOf(`${FRONTMATTER}## Mitigation\n\nScale the \`api\` up.\n\n\`\`\`sh\nkubectl scale deploy/api --replicas=6\n\`\`\`\n`);
    const panel = panelOf(page);
    expect(panel).toContain('<p class="hint as-written">Steps not numbered: the Mitigation section, as written.</p>');
    expect(panel).toContain('<p>Scale the <code>api</code> up.</p>');
    expect(panel).toContain('kubectl scale deploy/api --replicas=6');
    expect(panel).not.toContain('class="missing"');
    expect(bodyOf(page)).not.toContain('kubectl scale');
  });

  it('raises the alarm for missing steps only when the rule reported them', () => {
    expect(panelOf(pageOf(`${FRONTMATTER}## Meaning\n\nWords.\n`))).toContain('<p class="missing">This runbook has no recovery steps.');
  });

  it('renders hostile inline content inert', () => {
    const frontmatter = FRONTMATTER.replace(/---\n$/, '');
    const steps = ['"<script>__xss(1)</script> `<b>`"', '"[run](javascript:__xss(2)) [ok](https://ok.example/) [dot](./other.md)"'];
    const text = `${frontmatter}recovery:\n${steps.map((step) => `  - step: ${step}\n`).join('')}---\n`;
    const panel = panelOf(pageOf(text));
    expect(panel).not.toContain('<script');
    expect(panel).not.toContain('href="javascript:');
    expect(panel).toContain('&lt;script&gt;__xss(1)&lt;/script&gt;');
    expect(panel).toContain('<p class="step-text">run <a href="https://ok.example/" rel="noreferrer">ok</a> <a href="./other.md" rel="noreferrer">dot</a></p>');
  });
});

/** The table of contents of a page: each link's href and text, in order, nested ones indented. */
function tocOf(page: string): readonly string[] {
  const start = page.indexOf('<details class="toc"');
  const toc = page.slice(start, page.indexOf('</details>', start));
  return [...toc.matchAll(/(<ul>\s*)?<li><a href="([^"]*)">([^<]*)<\/a>/g)].map((match) => match[2] ?? '');
}

/** The ids of a page's elements. */
function idsOf(page: string): readonly string[] {
  return [...page.matchAll(/ id="([^"]*)"/g)].map((match) => match[1] ?? '');
}

describe('the table of contents of a runbook page', () => {
  const body = [
    '## Meaning',
    '',
    '> ### Notes',
    '',
    '### Notes',
    '',
    '## Upgrade <node-pool-name>',
    '',
    '### Notes',
    '',
    '#### Too deep',
    '',
    '<h2>Raw heading</h2>',
    '',
    BODY_STEP,
  ].join('\n');
  const page = pageOf(`${FRONTMATTER}${body}`);
  const { loaded } = runPipeline(new TextEncoder().encode(`${FRONTMATTER}${body}`), undefined, 'a');
  const checked = loaded.kind === 'runbook' ? loaded.runbook.headings.map((heading) => heading.slug) : [];

  it('lists the panel sections, then the H2s and H3s the body still shows, with the anchors check reads', () => {
    expect(tocOf(page)).toEqual([
      '#RB-recovery-steps',
      '#RB-escalation',
      '#RB-dates',
      '#meaning',
      '#notes',
      '#upgrade-node-pool-name',
      '#notes-1',
      '#escalation',
    ]);
    expect(checked).toEqual(['meaning', 'notes', 'upgrade-node-pool-name', 'notes-1', 'too-deep', 'recovery', 'escalation']);
  });

  it('leads every entry to an element of the page, once', () => {
    const ids = idsOf(page);
    for (const href of tocOf(page)) expect(ids.filter((id) => id === href.slice(1))).toHaveLength(1);
    // The heading nested in a quote keeps an anchor, the next free one; the raw HTML heading has none.
    expect(page).toContain('<h3 id="notes-2">Notes</h3>');
    expect(page).toContain('<h2>Raw heading</h2>');
  });

  it('nests H3 under the H2 before it', () => {
    const start = page.indexOf('<a href="#meaning">');
    expect(page.slice(start, page.indexOf('<a href="#upgrade-node-pool-name">'))).toMatch(/^<a href="#meaning">Meaning<\/a>\s*<ul><li><a href="#notes">Notes<\/a><\/li><\/ul><\/li>/);
  });

  it('never gives a body heading an id of the page itself (slugs are lower-case, the page\'s ids are not)', () => {
    const frontmatter = FRONTMATTER.replace(/---\n$/, '').replace('title: Kube Pod Crash Looping', 'title: Rb recovery steps');
    const headings = ['# Rb recovery steps', '', '## Rb escalation', '', '## Rb links', '', '## Rb dates', '', '## Rb main', ''].join('\n');
    const ids = idsOf(pageOf(`${frontmatter}links:\n  Dashboard: https://grafana.example/d/1\n---\n${headings}`));
    expect(ids).toEqual([...new Set(ids)]);
    expect(ids).toEqual(expect.arrayContaining(['RB-main', 'RB-recovery-steps', 'RB-escalation', 'RB-links', 'RB-dates', 'rb-escalation', 'rb-links', 'rb-dates', 'rb-main']));
  });

  it('lists Links only when the runbook has links', () => {
    const frontmatter = FRONTMATTER.replace(/---\n$/, '');
    expect(tocOf(pageOf(`${frontmatter}links:\n  Dashboard: https://grafana.example/d/1\n---\n## Meaning\n`))).toContain('#RB-links');
  });
});

describe('the header and the banner of a runbook page', () => {
  const frontmatter = FRONTMATTER.replace(/---\n$/, '');
  const text = `${frontmatter}alerts: [KubeFoo, Kube_Bar]\n"<script>x()</script> & *y*": 1\nseverity_: 2\n---\n## Meaning\n\n[gone](#nowhere)\n`;
  const page = pageOf(text);
  const problems = page.slice(page.indexOf('<ul class="problems">'), page.indexOf('</ul>', page.indexOf('<ul class="problems">')));

  it('links each alert chip to its alert page', () => {
    expect(page).toContain('<a class="alert-chip" href="../../alerts/KubeFoo/index.html"><code>KubeFoo</code></a>');
    expect(page).toContain('<a class="alert-chip" href="../../alerts/Kube_Bar/index.html"><code>Kube_Bar</code></a>');
  });

  it('lists the problems in line order, then column, then rule', () => {
    const wheres = [...problems.matchAll(/<span class="where">(\d+):(\d+)<\/span>/g)].map((match) => [Number(match[1]), Number(match[2])]);
    expect(wheres.length).toBeGreaterThan(2);
    expect([...wheres].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0))).toEqual(wheres);
  });

  it('renders the Markdown of messages, escaping what the author wrote', () => {
    expect(problems).toContain('Unknown frontmatter key <code>&lt;script&gt;x()&lt;/script&gt; &amp; *y*</code>');
    expect(problems).toContain('Broken anchor <code>#nowhere</code>');
    expect(problems).not.toContain('<script');
    expect(problems).not.toContain('`');
  });
});
