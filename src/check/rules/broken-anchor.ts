import { relativeLinks } from '../links.js';
import type { Runbook } from '../../model/runbook.js';
import { finder, type MessageFormats, type Rule, type Finding } from '../rule.js';

const messages = {
  /** `target` is left out when the link points into the runbook itself. */
  'broken-anchor': (p: { readonly anchor: string; readonly target?: string }) =>
    `Broken anchor \`#${p.anchor}\`: no such heading in ${p.target === undefined ? 'this runbook' : `\`${p.target}\``}`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/** broken-anchor: a link to `#heading` in a runbook that has no such heading. */
export const brokenAnchor: Rule = {
  id: 'broken-anchor',
  scope: 'collection',
  category: 'consistency',
  defaultSeverity: 'error',
  summary: 'A link points at a heading anchor that does not exist in the target runbook.',
  why: 'Headings get reworded; the link then drops the reader at the top of a long page instead of the step they need.',
  fix: 'Use the anchor of the heading as it is now (lower case, spaces as `-`, punctuation dropped).',
  examples: {
    ok: '## Fail over\n\nSee [fail over](#fail-over).\n',
    notOk: '## Fail over\n\nSee [fail over](#failover).\n',
    reported: [{ at: '3:5' }],
  },
  messages,
  check(runbooks) {
    const byPath = new Map(runbooks.map((runbook) => [runbook.path, runbook]));
    // The slugs of each target, made once: a file of thousands of links to itself stays linear.
    const slugsOf = new Map<Runbook, ReadonlySet<string>>();
    const findings: Finding[] = [];
    for (const runbook of runbooks) {
      for (const { link, target, anchor } of relativeLinks(runbook)) {
        const targetRunbook = byPath.get(target);
        if (anchor === undefined || targetRunbook === undefined) continue;
        const slugs = slugsOf.get(targetRunbook) ?? new Set(targetRunbook.headings.map((heading) => heading.slug));
        slugsOf.set(targetRunbook, slugs);
        if (slugs.has(anchor.toLowerCase())) continue;
        findings.push(
          finding('broken-anchor', targetRunbook === runbook ? { anchor } : { anchor, target: targetRunbook.file }, {
            file: runbook.file,
            span: link.span,
            subject: link.url,
            actual: anchor,
            ...(slugs.size > 0 ? { expected: expectedSlugs(targetRunbook) } : {}),
          }),
        );
      }
    }
    return findings;
  },
};

/** The first five heading anchors of a runbook, for the message. */
function expectedSlugs(runbook: Runbook): string {
  const first = runbook.headings.slice(0, 5).map((heading) => `\`#${heading.slug}\``);
  return `one of ${first.join(', ')}${runbook.headings.length > 5 ? ', …' : ''}`;
}
