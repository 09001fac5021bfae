import { relative, dirname } from 'node:path';
import { relativeLinks } from '../links.js';
import type { Finding, Rule } from '../rule.js';

/** broken-link: a relative link to a file that does not exist. */
export const brokenLink: Rule = {
  id: 'broken-link',
  scope: 'collection',
  category: 'consistency',
  defaultSeverity: 'error',
  summary: 'A relative link points at a file that does not exist.',
  why: 'A runbook that sends the reader to a missing page fails them at the worst moment; files get renamed, links do not follow.',
  fix: 'Point the link at the file\'s new path, or remove it.',
  check(runbooks, context) {
    const known = new Set(runbooks.map((runbook) => runbook.path));
    const findings: Finding[] = [];
    for (const runbook of runbooks) {
      for (const { link, target } of relativeLinks(runbook)) {
        if (known.has(target) || context.existingFiles.has(target)) continue;
        findings.push({
          file: runbook.file,
          span: link.span,
          message: `Broken link \`${link.url}\`: no file \`${relative(dirname(runbook.path), target) || target}\``,
          actual: link.url,
        });
      }
    }
    return findings;
  },
};
