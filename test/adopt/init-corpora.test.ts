import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusCopies } from './corpus-copy.js';
import { parseConfig } from '../../src/parse/config.js';
import { RULES } from '../../src/check/registry.js';
import { toolInfo } from '../../src/cli/version.js';
import { runCli } from '../cli/run-cli.js';
import { PROJECT_ROOT, sharedAvailable } from '../shared.js';

/**
 * `runbook init` on a fresh git copy of each shared corpus: the config it writes (compared with a
 * reviewed file; `UPDATE_GOLDEN=1` rewrites them, read the diff before committing), which loads,
 * and with which `check` then checks every runbook of the collection.
 */
const GOLDEN = join(PROJECT_ROOT, 'test', 'adopt', 'golden-init');
const update = process.env.UPDATE_GOLDEN === '1';

/** Each corpus and the runbooks of its collection: every Markdown file under the root but READMEs and index pages. */
const CORPORA = [
  { name: 'prometheus-operator__runbooks', runbooks: 108, root: 'content/runbooks' }, // 117 Markdown files, 9 of them Hugo's _index.md
  { name: 'alphagov__govuk-developer-docs', runbooks: 212, root: 'source/manual' },
  { name: 'mattrussi__gitlab-com-runbooks', runbooks: 348, root: '.' }, // 430 Markdown files, 82 READMEs and one index.md
  { name: 'kubernetes-monitoring__kubernetes-mixin', runbooks: 1, root: '.' },
  { name: 'SkeltonThatcher__run-book-template', runbooks: 1, root: '.' },
] as const;

const available = sharedAvailable();
const { gitCopy, removeAll } = corpusCopies('runbook-init-corpus-');
afterAll(removeAll);

/** Markdown files under `folder` (recursively), as paths relative to it. */
function markdownUnder(folder: string): readonly string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.md(?:\.erb)?$/.test(entry.name) && !entry.parentPath.includes('.git'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe.skipIf(!available)('runbook init on the shared corpora', () => {
  for (const corpus of CORPORA) {
    it(`${corpus.name}: writes a config that fits (as reviewed), loads, and check then checks all ${String(corpus.runbooks)} runbooks`, async () => {
      const folder = gitCopy(corpus.name);
      const init = await runCli(['init'], folder);
      expect(init.stderr).toBe('');
      expect(init.code).toBe(0);
      expect(init.stdout).toContain(`Found ${String(corpus.runbooks)} runbook`);
      expect(init.stdout).toContain('wrote    runbook.config.yaml');
      expect(init.stdout).not.toContain('runbooks/website-down.md');
      expect(existsSync(join(folder, 'runbooks', 'website-down.md'))).toBe(false);
      expect(init.stdout).toContain('then `runbook baseline`');

      const text = readFileSync(join(folder, 'runbook.config.yaml'), 'utf8');
      const config = parseConfig(text, join(folder, 'runbook.config.yaml'), { ruleIds: RULES.map((rule) => rule.id) });
      expect(config.root).toBe(join(folder, corpus.root));
      const golden = join(GOLDEN, `${corpus.name}.yaml`);
      const shown = text.replaceAll(`runbook ${toolInfo().version}`, 'runbook VERSION');
      if (update || !existsSync(golden)) {
        writeFileSync(golden, shown);
        if (!update) throw new Error(`wrote the missing golden file ${golden}: review it, then run the tests again`);
      }
      expect(shown).toBe(readFileSync(golden, 'utf8'));

      const check = await runCli(['check', '--no-cache'], folder);
      expect(check.stderr).toBe('');
      const counted = /in \d+ of (\d+) files?|✔ (\d+) files? checked/.exec(check.stdout);
      expect(Number(counted?.[1] ?? counted?.[2])).toBe(corpus.runbooks);
      const underRoot = markdownUnder(join(folder, corpus.root)).filter((path) => !/\/(?:README|_index|index)\.md$/.test(path));
      expect(underRoot).toHaveLength(corpus.runbooks);
    });
  }

  it('prometheus-operator: reads alerts from file names, requires Meaning/Impact/Diagnosis/Mitigation, excludes _index.md', () => {
    const text = readFileSync(join(GOLDEN, 'prometheus-operator__runbooks.yaml'), 'utf8');
    expect(text).toMatch(/^root: "content\/runbooks"$/m);
    expect(text).toMatch(/^exclude: \["\*\*\/_index\.md"\]$/m);
    expect(text).toMatch(/^ {2}from_file_name: true$/m);
    expect(text).toMatch(/^ {2}required: \[summary, impact, diagnosis, recovery\]$/m);
  });

  it('GOV.UK: reads owner_slack as the owner and says what the mapping changes; .html.md.erb pages are included', () => {
    const text = readFileSync(join(GOLDEN, 'alphagov__govuk-developer-docs.yaml'), 'utf8');
    expect(text).toMatch(/# owner_slack is a Slack channel, read as the owning team\.\n {2}owner: owner_slack/);
    expect(text).toMatch(/^include: \["\*\*\/\*\.md", "\*\*\/\*\.md\.erb"\]$/m);
    expect(text).toMatch(/^extra_keys: \[layout, section, parent/m);
  });
});
