import { FILE_START } from '../../model/diagnostic.js';
import { safeIdPath } from '../../model/site-paths.js';
import { caseFold } from '../../text/case-fold.js';
import { finder, type MessageFormats, type Rule, type Finding } from '../rule.js';

const messages = {
  'duplicate-id': (p: { readonly id: string; readonly others: string }) => `Duplicate id \`${p.id}\`: also used by ${p.others}`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/**
 * duplicate-id: two files whose ids are the same after normalisation (case, Unicode form, extension,
 * and the characters a page path cannot hold: `Foo Bar.md` and `foo-bar.md` would share one page).
 * Case is ignored as a file system ignoring case does (`caseFold`): `ΑΣ.md` and `ασ.md` are one page
 * there, though `toLowerCase` keeps them apart (`ας`, `ασ`).
 */
export const duplicateId: Rule = {
  id: 'duplicate-id',
  scope: 'collection',
  category: 'consistency',
  defaultSeverity: 'error',
  summary: 'Two files have the same id (their paths differ only in case, Unicode form, extension, or characters a URL cannot hold).',
  why: 'The id is the runbook\'s URL; two runbooks at one URL means one of them cannot be found.',
  fix: 'Rename or merge one of the files.',
  examples: {
    ok: { 'disk-full.md': '# Disk full\n', 'disk-almost-full.md': '# Disk almost full\n' },
    notOk: { 'disk-full.md': '# Disk full\n', 'Disk Full.md': '# Disk full\n' },
    reported: [{ at: 'Disk Full.md:1:1' }, { at: 'disk-full.md:1:1' }],
  },
  messages,
  check(runbooks) {
    const byKey = new Map<string, { readonly id: string; readonly file: string }[]>();
    for (const runbook of runbooks) {
      const key = caseFold(safeIdPath(runbook.id));
      const group = byKey.get(key);
      if (group === undefined) byKey.set(key, [runbook]);
      else group.push(runbook);
    }
    const findings: Finding[] = [];
    for (const group of byKey.values()) {
      const [first] = group;
      if (first === undefined || group.length < 2) continue;
      // Shown in lower case, as the first of the group writes it.
      const key = safeIdPath(first.id).toLowerCase();
      for (const runbook of group) {
        const others = group.filter((other) => other !== runbook).map((other) => `\`${other.file}\``);
        findings.push(finding('duplicate-id', { id: key, others: others.join(', ') }, { file: runbook.file, span: FILE_START, subject: key }));
      }
    }
    return findings;
  },
};
