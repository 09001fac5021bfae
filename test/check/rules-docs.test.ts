import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { rulesMarkdown } from '../../src/check/rules-markdown.js';
import { PROJECT_ROOT } from '../shared.js';

const START = '<!-- rules:start -->\n';
const END = '<!-- rules:end -->';

it('docs/format.md lists every rule as the rules describe themselves (UPDATE_DOCS=1 regenerates it)', () => {
  const path = join(PROJECT_ROOT, 'docs', 'format.md');
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  expect(start, 'rules:start marker').toBeGreaterThan(0);
  expect(end, 'rules:end marker').toBeGreaterThan(start);
  const expected = `${text.slice(0, start + START.length)}\n${rulesMarkdown()}\n${text.slice(end)}`;
  if (process.env.UPDATE_DOCS === '1') writeFileSync(path, expected);
  expect(text).toBe(expected);
});
