import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { PROJECT_ROOT } from '../shared.js';

/**
 * `.github/workflows/release.yml`, read as GitHub reads it: a version tag runs the tests, packs, and
 * publishes that tarball with provenance. actionlint checks it further when its binary is on the
 * PATH (it is not a dependency of the project); without it that part is skipped, loudly.
 */
const PATH = join(PROJECT_ROOT, '.github', 'workflows', 'release.yml');
const text = readFileSync(PATH, 'utf8');

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
}
const workflow = parseYaml(text) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { container?: string; steps: readonly Step[] }>;
};
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

/** The index of the first step matching, or a failure naming what is missing. */
function stepIndex(what: string, matches: (step: Step) => boolean): number {
  const index = steps.findIndex(matches);
  expect(index, `release.yml has no step that ${what}`).toBeGreaterThanOrEqual(0);
  return index;
}

describe('the release workflow', () => {
  it('runs only on a pushed version tag', () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*'] } });
  });

  it('may write the release and sign provenance, nothing else', () => {
    expect(workflow.permissions).toEqual({ 'contents': 'write', 'id-token': 'write' });
    expect(Object.keys(workflow.jobs)).toEqual(['release']);
  });

  it('checks out, sets up Node 20, installs, tests with Chromium, packs, publishes with provenance, then attaches the tarball', () => {
    const order = [
      stepIndex('checks out', (step) => step.uses?.startsWith('actions/checkout@') === true),
      stepIndex('sets up Node 20 for the npm registry', (step) => step.uses?.startsWith('actions/setup-node@') === true && step.with?.['node-version'] === 20 && step.with['registry-url'] === 'https://registry.npmjs.org'),
      stepIndex('installs Chromium from apt', (step) => /apt-get install\b.*\bchromium\b/.test(step.run ?? '')),
      stepIndex('runs npm ci', (step) => step.run?.trim().startsWith('npm ci') === true),
      stepIndex('runs npm test requiring the browser', (step) => step.run?.trim() === 'npm test' && step.env?.RUNBOOK_REQUIRE_BROWSER === '1'),
      stepIndex('packs', (step) => /^npm pack$/m.test(step.run ?? '')),
      stepIndex('publishes with provenance, publicly', (step) => /^npm publish .*--provenance --access public/m.test(step.run ?? '') && step.env?.NODE_AUTH_TOKEN !== undefined),
      stepIndex('attaches the tarball to the release', (step) => step.uses?.startsWith('softprops/action-gh-release@') === true && String(step.with?.files).includes('steps.pack.outputs.tarball')),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(stepIndex('checks the tag against the version', (step) => step.run?.includes('$GITHUB_REF_NAME') === true)).toBeLessThan(order[3] ?? 0);
  });

  it('publishes the tarball it packed, not a second pack', () => {
    const publish = steps.find((step) => step.run?.includes('npm publish') === true);
    expect(publish?.run).toContain('./${{ steps.pack.outputs.tarball }}');
  });

  it('passes actionlint, when it is installed', () => {
    const lint = spawnSync('actionlint', ['-no-color', PATH], { encoding: 'utf8' });
    if (lint.error !== undefined) {
      console.warn(`\n*** actionlint is not on the PATH (${lint.error.message}): skipping the actionlint check of release.yml ***\n`);
      return;
    }
    expect(`${lint.stdout}${lint.stderr}`).toBe('');
    expect(lint.status).toBe(0);
  });
});
