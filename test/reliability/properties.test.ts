/**
 * Property tests: whatever bytes a runbook file holds, parsing, checking, building the site and
 * rendering the cheat sheets and the `show` card return diagnostics and output and never throw;
 * every diagnostic points into the file; every page stays safe; the same input gives the same output.
 *
 * A fixed seed and a CI-sized number of runs by default. `RUNBOOK_FC_SEED` and `RUNBOOK_FC_RUNS`
 * override them; `npm run fuzz` runs these properties long with a random seed (scripts/fuzz.mjs).
 * A failure prints the seed and the shrunk counterexample; rerun with the printed seed to reproduce.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/site/build-site.js';
import { safetyProblems } from '../browser/html-safety.js';
import { bytes, markdown, mixedLineEndings, mostlyValidFrontmatter, runbookText } from './arbitraries.js';
import { locationProblems, runPipeline, type PipelineResult } from './pipeline.js';

const SEED = process.env.RUNBOOK_FC_SEED === undefined ? 20261127 : Number(process.env.RUNBOOK_FC_SEED);
const RUNS = process.env.RUNBOOK_FC_RUNS === undefined ? 60 : Number(process.env.RUNBOOK_FC_RUNS);
if (!Number.isInteger(SEED) || !Number.isInteger(RUNS) || RUNS < 1) {
  throw new Error(`RUNBOOK_FC_SEED \`${process.env.RUNBOOK_FC_SEED ?? ''}\` and RUNBOOK_FC_RUNS \`${process.env.RUNBOOK_FC_RUNS ?? ''}\` must be integers (runs ≥ 1)`);
}
/** A generous bound: one run parses, checks and renders a whole site; the long fuzz runs scale it. */
const TIMEOUT = 120_000 + RUNS * 2_000;

function assertProperty<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void): void {
  fc.assert(fc.property(arbitrary, predicate), { seed: SEED, numRuns: RUNS});
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The pipeline's promises on one input: no throw, located diagnostics, strings out, safe pages. */
function holdsFor(input: Uint8Array): PipelineResult {
  const result = runPipeline(input);
  expect(locationProblems(input, result)).toEqual([]);
  for (const diagnostic of result.diagnostics) expect(diagnostic.ruleId, diagnostic.message).not.toBe('internal-error');
  for (const text of result.rendered) expect(typeof text).toBe('string');
  for (const file of result.site) {
    expect(typeof file.content).toBe('string');
    if (file.path.endsWith('.html')) {
      const problems = safetyProblems(file.content, { page: file.path, csp: CONTENT_SECURITY_POLICY, base: file.path === '404.html' ? 'https://runbooks.example.com/docs/' : undefined, exists: () => true });
      expect(problems, file.path).toEqual([]);
    }
  }
  if (result.loaded.kind === 'runbook') expect(result.site.some((file) => file.path === 'runbooks/fuzzed/index.html')).toBe(true);
  return result;
}

describe(`the pipeline on generated input (seed ${SEED}, ${RUNS} runs each)`, () => {
  it(
    'never throws on arbitrary bytes (invalid UTF-8, NUL, stray bytes in a runbook), and locates every diagnostic',
    () => {
      assertProperty(bytes, (input) => {
        holdsFor(input);
      });
    },
    TIMEOUT,
  );

  it(
    'never throws on generated runbooks with mixed \\n, \\r\\n and \\r line endings',
    () => {
      assertProperty(mixedLineEndings(runbookText), (text) => {
        holdsFor(encode(text));
      });
    },
    TIMEOUT,
  );

  it(
    'reads generated frontmatter (random keys, types, tags, anchors, aliases, duplicates) into a runbook or located diagnostics',
    () => {
      assertProperty(mostlyValidFrontmatter, (yaml) => {
        const result = holdsFor(encode(`---\n${yaml}\n---\n\n## Recovery\n\n1. Do it\n`));
        // Only a NUL byte (a binary file) keeps a file from being a runbook.
        expect(result.loaded.kind).toBe(yaml.includes('\0') ? 'unreadable' : 'runbook');
      });
    },
    TIMEOUT,
  );

  it(
    'renders generated Markdown (nesting, lists, tables, HTML, fences, odd links) into a page and a card',
    () => {
      assertProperty(markdown, (body) => {
        const result = holdsFor(encode(`---\ntitle: Generated\nowner: data\nservice: s\nseverity: low\nlast_tested: 2026-11-01\n---\n\n${body}\n`));
        if (body.includes('\0')) return;
        expect(result.loaded.kind).toBe('runbook');
        expect(result.rendered.length).toBeGreaterThan(0);
      });
    },
    TIMEOUT,
  );

  it(
    'gives the same diagnostics and the same site for the same input',
    () => {
      assertProperty(runbookText, (text) => {
        const first = runPipeline(encode(text));
        const second = runPipeline(encode(text));
        expect(second.diagnostics).toEqual(first.diagnostics);
        expect(second.site).toEqual(first.site);
        expect(second.rendered).toEqual(first.rendered);
      });
    },
    TIMEOUT,
  );
});
