import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/parse/frontmatter.js';
import { MAX_YAML_NESTING, tooDeepYaml } from '../../src/parse/nesting.js';

/** A frontmatter block of `yaml` as the Markdown parser gives it (the block starts on line 1). */
function parsed(yaml: string): ReturnType<typeof parseFrontmatter> {
  const text = `---\n${yaml}\n---\n`;
  const end = { line: yaml.split('\n').length + 2, column: 4 };
  return parseFrontmatter({ value: yaml, span: { start: { line: 1, column: 1 }, end } }, text);
}

const flow = (levels: number): string => `tags: ${'{a: '.repeat(levels)}1${'}'.repeat(levels)}`;
const lists = (levels: number): string => `tags: ${'['.repeat(levels)}x${']'.repeat(levels)}`;
const block = (levels: number): string => Array.from({ length: levels }, (_, level) => `${' '.repeat(level)}k${level}:`).join('\n') + ' v';
const compact = (levels: number): string => `tags:\n${'- '.repeat(levels)}x`;

describe('frontmatter nesting', () => {
  // The yaml package recurses once a level: the stack overflows near 1,000 levels on the main thread
  // and deeper on a worker's larger stack, so without a bound the result would depend on the thread.
  it.each([
    ['flow mappings', flow],
    ['flow lists', lists],
    ['block mappings', block],
    ['compact lists', compact],
  ])('refuses %s nested past the bound at a fixed place, before the parser can overflow', (_name, make) => {
    // (Block mappings cannot go much deeper within the 64 KiB a frontmatter may have: the indentation grows.)
    for (const levels of [MAX_YAML_NESTING + 5, make === block ? 300 : 3000]) {
      const result = parsed(make(levels));
      expect(result.kind).toBe('broken');
      if (result.kind !== 'broken') continue;
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]?.value).toMatch(/nests more than 100 levels/);
      expect(result.errors[0]?.value).not.toMatch(/stack/i);
    }
    expect(parsed(make(40)).kind).toBe('parsed');
  });

  it('counts an indentation once however many columns it takes, and blank lines not at all', () => {
    expect(parsed(`title: x\n${' '.repeat(120)}\nowner: y`).kind).toBe('parsed');
    expect(parsed(`description: |\n  text\n${' '.repeat(104)}indented far in the block\nowner: y`).kind).toBe('parsed');
    expect(tooDeepYaml(`a:\n${' '.repeat(300)}b: c`)).toBeUndefined();
  });

  it('counts brackets only while they are open', () => {
    expect(tooDeepYaml(Array.from({ length: 500 }, () => 'tags: [a, [b], {c: d}]').join('\n'))).toBeUndefined();
    expect(tooDeepYaml(`x: ${'['.repeat(MAX_YAML_NESTING)}`)).toBeUndefined();
    expect(tooDeepYaml(`x: ${'['.repeat(MAX_YAML_NESTING + 1)}`)).toBe(3 + MAX_YAML_NESTING);
  });
});
