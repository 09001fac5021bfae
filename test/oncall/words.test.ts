import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/text/edit-distance.js';
import { normalised, wordsOf } from '../../src/oncall/words.js';

describe('wordsOf', () => {
  it('splits alert names at camelCase boundaries, so they compare like titles', () => {
    expect(wordsOf('PostgresPrimaryDown')).toEqual(['postgres', 'primary', 'down']);
    expect(wordsOf('HTTPErrorsHigh')).toEqual(['http', 'errors', 'high']);
  });

  it('splits ids and titles at punctuation and before digits that follow letters', () => {
    expect(wordsOf('database/primary-down')).toEqual(['database', 'primary', 'down']);
    expect(wordsOf('Payments-api: elevated 5xx error rate')).toEqual(['payments', 'api', 'elevated', '5xx', 'error', 'rate']);
    expect(wordsOf('Http5xxRateHigh')).toEqual(['http', '5xx', 'rate', 'high']);
  });

  it('gives no words for punctuation only', () => {
    expect(wordsOf(' -- / ')).toEqual([]);
    expect(normalised('Disk  full!')).toBe('disk full');
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('primary', 'primry')).toBe(1);
    expect(editDistance('disk', 'desk')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('counts a swap of neighbouring letters as one typo', () => {
    expect(editDistance('down', 'dwon')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
  });

  it('is zero only for equal texts', () => {
    expect(editDistance('same', 'same')).toBe(0);
    expect(editDistance('Same', 'same')).toBe(1);
  });
});
