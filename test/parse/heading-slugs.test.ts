import { describe, expect, it } from 'vitest';
import { headingSlugs } from '../../src/parse/heading-slugs.js';

describe('headingSlugs', () => {
  it('makes GitHub anchors of trimmed heading text, numbering repeats within one document', () => {
    const slugOf = headingSlugs();
    expect(['  Fail over! ', 'Steps', 'Steps', 'Step 2: `psql`'].map(slugOf)).toEqual(['fail-over', 'steps', 'steps-1', 'step-2-psql']);
  });

  it('starts the numbering again for each document', () => {
    headingSlugs()('Steps');
    expect(headingSlugs()('Steps')).toBe('steps');
  });
});
