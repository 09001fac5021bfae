/**
 * The layering of docs/architecture.md is enforced by `npm run lint`: here the same rule blocks
 * (eslint.layers.js) are shown refusing wrong imports, and allowing right ones, on sample files.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { LAYERS, layerBlocks } from '../../eslint.layers.js';
import { PROJECT_ROOT } from '../shared.js';

const eslint = new ESLint({
  cwd: PROJECT_ROOT,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: (await import('typescript-eslint')).parser } }, ...layerBlocks()],
});

async function problems(path: string, code: string): Promise<readonly string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${PROJECT_ROOT}/${path}` });
  return (result?.messages ?? []).map((message) => `${message.ruleId ?? 'fatal'}: ${message.message}`);
}

describe('who may import whom in src/', () => {
  it('refuses an import from io/ into site/, check/, view/ or cheatsheet/', async () => {
    for (const folder of ['site', 'check', 'view', 'cheatsheet']) {
      const found = await problems('src/io/example.ts', `import { x } from '../${folder}/x.js';\nexport const y = x;\n`);
      expect(found, folder).toEqual([expect.stringMatching(/^no-restricted-imports: .*src\/io\/ may import only parse\/, model\/, text\//)]);
    }
  });

  it('refuses upward imports from files two levels deep (../../)', async () => {
    const found = await problems('src/check/rules/example.ts', "import { x } from '../../site/x.js';\nexport const y = x;\n");
    expect(found).toHaveLength(1);
  });

  it('allows imports down the pipeline and within a folder', async () => {
    expect(await problems('src/site/example.ts', "import { x } from '../view/x.js';\nimport { z } from './z.js';\nexport const y = [x, z];\n")).toEqual([]);
    expect(await problems('src/check/rules/example.ts', "import { x } from '../rule.js';\nimport { z } from '../../model/z.js';\nexport const y = [x, z];\n")).toEqual([]);
  });

  it('has no cycle between folders', () => {
    const seen = new Set<string>();
    const visit = (folder: string, path: readonly string[]): void => {
      expect(path, `cycle: ${[...path, folder].join(' → ')}`).not.toContain(folder);
      if (seen.has(folder)) return;
      for (const below of LAYERS[folder as keyof typeof LAYERS]) visit(below, [...path, folder]);
      seen.add(folder);
    };
    for (const folder of Object.keys(LAYERS)) visit(folder, []);
  });
});
