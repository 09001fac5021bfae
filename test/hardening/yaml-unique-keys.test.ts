/**
 * The YAML library's duplicate-key check (`uniqueKeys: true`) compares each key of a map with every
 * key before it: quadratic. The config and the alert rule files are read with it, and neither has a
 * size limit (the frontmatter has 64 KiB and reads without it). Found by H7: a rule file whose one
 * alert has 20,000 / 40,000 labels (310 / 630 KB) took 5.2 / 19.5 s of `coverage`; a config with
 * 15,000 / 30,000 / 60,000 teams (0.7 / 1.4 / 2.8 MB) took 10 / 51 / 120 s of `check`. A pull request
 * can stall CI for hours with a few megabytes. Expected: linear (duplicate keys found with a set), or
 * refused with a located error past a size.
 */
import { describe, expect, it } from 'vitest';
import { parseRuleFile } from '../../src/check/coverage/rule-file.js';
import { parseConfig } from '../../src/parse/config.js';
import { performance } from 'node:perf_hooks';
import { MAX_RATIO } from './growth.js';

const ruleFile = (labels: number): string =>
  `groups:\n- name: g\n  rules:\n  - alert: A\n    expr: up == 0\n    labels:\n${Array.from({ length: labels }, (_, index) => `      k${String(index)}: v\n`).join('')}`;

const config = (teams: number): string =>
  `root: runbooks\nteams:\n${Array.from({ length: teams }, (_, index) => `  t${String(index)}: {name: Team}\n`).join('')}`;

/**
 * How many times longer `work` takes on `make(4 * n)` than on `make(n)`. Unlike `growthOf`, warmed
 * up first and the small input timed three times, the large one once: the quadratic part shows only
 * above about 8,000 keys, where one large timing takes some 10 s.
 */
function ratioOf(n: number, make: (n: number) => string, work: (text: string) => unknown): { readonly small: number; readonly large: number; readonly ratio: number } {
  work(make(n / 4));
  const timed = (text: string): number => {
    const start = performance.now();
    work(text);
    return performance.now() - start;
  };
  const smallText = make(n);
  const small = Math.min(timed(smallText), timed(smallText), timed(smallText));
  const large = timed(make(4 * n));
  return { small, large, ratio: large / Math.max(small, 1) };
}

describe('YAML maps with many keys are read in linear time', () => {
  it('an alert rule with thousands of labels', () => {
    const growth = ratioOf(10_000, ruleFile, (text) => parseRuleFile(text, 'rules.yaml'));
    expect(growth.ratio, JSON.stringify(growth)).toBeLessThan(MAX_RATIO);
  }, 120_000);

  it('a config with thousands of teams', () => {
    const growth = ratioOf(10_000, config, (text) => parseConfig(text, '/repo/runbook.config.yaml'));
    expect(growth.ratio, JSON.stringify(growth)).toBeLessThan(MAX_RATIO);
  }, 120_000);
});
