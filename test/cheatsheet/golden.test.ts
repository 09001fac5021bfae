import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { TEXT_RENDERERS, type TextFormat } from '../../src/cheatsheet/formats.js';
import { PROJECT_ROOT } from '../shared.js';
import { sheetsOf } from './sheets.js';

/**
 * The md and txt sheets of the example teams (the project's own runbooks and config, on the tests'
 * date, with a fixed commit), compared with reviewed files. `UPDATE_GOLDEN=1` rewrites them: read the
 * diff before committing it.
 */
const GOLDEN = join(PROJECT_ROOT, 'test', 'cheatsheet', 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

const sheets = await sheetsOf(PROJECT_ROOT);

describe('golden cheat sheets of the example teams', () => {
  test('there is one sheet per example team', () => {
    expect(sheets.map((sheet) => sheet.slug)).toEqual(['data', 'payments', 'platform']);
  });

  for (const sheet of sheets) {
    for (const format of ['md', 'txt'] as const satisfies readonly TextFormat[]) {
      test(`${sheet.slug}.${format} matches the reviewed file`, () => {
        const path = join(GOLDEN, `${sheet.slug}.${format}`);
        const actual = TEXT_RENDERERS[format](sheet);
        if (update || !existsSync(path)) {
          writeFileSync(path, actual);
          if (!update) throw new Error(`wrote the missing golden file ${path}: review it, then run the tests again`);
        }
        expect(actual).toBe(readFileSync(path, 'utf8'));
      });
    }
  }
});
