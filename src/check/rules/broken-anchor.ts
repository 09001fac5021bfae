import { relativeLinks } from '../links.js';
import type { Finding, Rule } from '../rule.js';

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
  },
  check(runbooks) {
    const byPath = new Map(runbooks.map((runbook) => [runbook.path, runbook]));
    const findings: Finding[] = [];
    for (const runbook of runbooks) {
      for (const { link, target, anchor } of relativeLinks(runbook)) {
        const targetRunbook = byPath.get(target);
        if (anchor === undefined || targetRunbook === undefined) continue;
        const slugs = targetRunbook.headings.map((heading) => heading.slug);
        if (slugs.includes(anchor.toLowerCase())) continue;
        const where = targetRunbook === runbook ? 'this runbook' : `\`${targetRunbook.file}\``;
        findings.push({
          file: runbook.file,
          span: link.span,
          message: `Broken anchor \`#${anchor}\`: no such heading in ${where}`,
          actual: anchor,
          ...(slugs.length > 0 ? { expected: `one of ${slugs.slice(0, 5).map((slug) => `\`#${slug}\``).join(', ')}${slugs.length > 5 ? ', …' : ''}` } : {}),
        });
      }
    }
    return findings;
  },
};
