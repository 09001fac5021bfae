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
    expect(panel).toContain('<section class="recovery" id="recovery" aria-labelledby="rb-recovery-steps">');
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
