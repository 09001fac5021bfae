import { relative, dirname } from 'node:path';
import { relativeLinks } from '../links.js';
import { finder, type MessageFormats, type Rule, type Finding } from '../rule.js';

const messages = {
  'broken-link': (p: { readonly url: string; readonly path: string }) => `Broken link \`${p.url}\`: no file \`${p.path}\``,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/** broken-link: a relative link to a file that does not exist. */
export const brokenLink: Rule = {
  id: 'broken-link',
  scope: 'collection',
  category: 'consistency',
  defaultSeverity: 'error',
  summary: 'A relative link points at a file that does not exist.',
  why: 'A runbook that sends the reader to a missing page fails them at the worst moment; files get renamed, links do not follow.',
  fix: 'Point the link at the file\'s new path, or remove it.',
  examples: {
    ok: { 'disk.md': 'See [the database runbook](db.md).\n', 'db.md': '# Database\n' },
    notOk: { 'disk.md': 'See [the database runbook](database.md).\n', 'db.md': '# Database\n' },
    reported: [{ at: 'disk.md:1:5' }],
  },
  messages,
  check(runbooks, context) {
    const known = new Set(runbooks.map((runbook) => runbook.path));
    const findings: Finding[] = [];
    for (const runbook of runbooks) {
      for (const { link, target } of relativeLinks(runbook)) {
        if (known.has(target) || context.existingFiles.has(target)) continue;
        const path = relative(dirname(runbook.path), target) || target;
        findings.push(finding('broken-link', { url: link.url, path }, { file: runbook.file, span: link.span, subject: link.url, actual: link.url }));
      }
    }
    return findings;
  },
};
