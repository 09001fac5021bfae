import { describe, expect, test } from 'vitest';
import { loadProject } from '../load-project.js';
import { loadTemplates } from '../../src/io/templates.js';
import { buildSite } from '../../src/site/build-site.js';
import { TODAY } from '../helpers.js';
import { PROJECT_ROOT } from '../shared.js';

const project = await loadProject({ cwd: PROJECT_ROOT, paths: [], config: undefined, today: TODAY, git: false });
const files = new Map(
  buildSite({ runbooks: project.runbooks, bodies: project.bodies, diagnostics: project.diagnostics, config: project.config, today: TODAY, git: project.git, templates: loadTemplates(undefined) }).map(
    (file) => [file.path, file.content] as const,
  ),
);
const page = (path: string): string => {
  const content = files.get(path);
  if (content === undefined) throw new Error(`the site has no ${path}`);
  return content;
};

describe('cheat sheets in the site', () => {
  test('every team has its printable sheet, and no service does', () => {
    expect([...files.keys()].filter((path) => path.includes('/cheatsheet/'))).toEqual([
      'teams/data/cheatsheet/index.html',
      'teams/payments/cheatsheet/index.html',
      'teams/platform/cheatsheet/index.html',
    ]);
  });

  test("the team page links to the team's sheet", () => {
    expect(page('teams/platform/index.html')).toContain('<a href="cheatsheet/index.html">Cheat sheet (printable)</a>');
    expect(page('services/orders-db/index.html')).not.toContain('Cheat sheet');
  });

  test('the sheet page uses the site stylesheet and script, with a print button and no inline script or style', () => {
    const sheet = page('teams/platform/cheatsheet/index.html');
    expect(sheet).toContain('<link rel="stylesheet" href="../../../assets/cheatsheet.css">');
    expect(sheet).toContain('<script src="../../../assets/site.js" defer></script>');
    expect(sheet).toContain('<button type="button" data-print hidden>');
    expect(sheet).not.toMatch(/<style|<script>|\son[a-z]+=/);
    expect(page('assets/cheatsheet.css')).toContain('@page');
  });

  test("the sheet's links lead to runbook pages that exist", () => {
    const sheet = page('teams/platform/cheatsheet/index.html');
    const targets = [...sheet.matchAll(/href="\.\.\/\.\.\/\.\.\/(runbooks\/[^"]+)"/g)].map((match) => match[1] ?? '');
    expect(targets).toHaveLength(5);
    for (const target of targets) expect(files.has(target)).toBe(true);
  });
});
