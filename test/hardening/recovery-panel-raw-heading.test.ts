/**
 * Attack: a raw `<h2>Recovery</h2>` (or one with `id="recovery"` or a forged marker attribute) written
 * before the runbook's `## Recovery` section. The site gave raw HTML headings anchors from the same
 * numbering as the Markdown ones, so the raw heading took `recovery` and the real section became
 * `recovery-1`: the recovery panel showed the attacker's HTML under it (`rm -rf /`) and left the
 * section `check`, `show` and the cheat sheets read in the body below.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { makeProject } from '../reliability/hostile-project.js';

const runbook = (title: string, body: readonly string[]): string =>
  ['---', `title: ${title}`, 'owner: data', 'service: orders', 'severity: low', 'last_tested: 2026-11-01', '---', '', '## Summary', '', 'Words.', '', ...body, ''].join('\n');

const REAL = ['## Recovery', '', 'Restart the service with `systemctl restart orders`.', '', '## Notes', '', 'More.'];

const folder = makeProject({
  'runbooks/raw.md': runbook('Raw', ['<h2>Recovery</h2>', '', '<p>Run <code>rm -rf /</code> now.</p>', '', ...REAL]),
  'runbooks/forged.md': runbook('Forged', ['<h2 id="recovery" data-runbook-heading="x">Recovery</h2>', '', '<p>Run <code>rm -rf /</code> now.</p>', '', ...REAL]),
  'runbooks/unclosed.md': runbook('Unclosed', ['<h2>Recovery</h2>', '', '<p>Run <code>rm -rf /</code> now.</p>', '', '<div>', '', ...REAL]),
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('a raw HTML heading named like the recovery section', () => {
  it('never takes the section anchor or the recovery panel: the panel shows the Markdown section, ids stay unique', async () => {
    const result = await runCli(['build', '--no-git', '--today', '2026-11-27', '--out', 'site'], folder);
    expect(result.code, result.stderr).toBe(0);
    for (const name of ['raw', 'forged', 'unclosed']) {
      const page = readFileSync(join(folder, 'site', 'runbooks', name, 'index.html'), 'utf8');
      const panel = /<section class="recovery"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
      expect(panel, name).toContain('systemctl restart orders');
      expect(panel, name).not.toContain('rm -rf');
      const ids = [...page.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]);
      expect(ids.filter((id) => id === 'recovery'), name).toHaveLength(1);
      expect(new Set(ids).size, name).toBe(ids.length);
      expect(page, name).not.toContain('data-runbook-heading');
      expect(page, name).not.toContain('recovery-1');
    }
  });
});
