import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, sharedAvailable } from '../shared.js';

/**
 * What the configs `runbook init` writes on the shared corpora say (test/adopt/golden-init/, which
 * test/adopt/adopt-corpora.test.ts compares with what init writes in a fresh copy of each).
 */
const GOLDEN = join(PROJECT_ROOT, 'test', 'adopt', 'golden-init');

const available = sharedAvailable();

describe.skipIf(!available)('runbook init on the shared corpora (the configs it writes; test/adopt/adopt-corpora.test.ts writes and checks them)', () => {
  it('prometheus-operator: reads alerts from file names, requires Meaning/Impact/Diagnosis/Mitigation, excludes _index.md', () => {
    const text = readFileSync(join(GOLDEN, 'prometheus-operator__runbooks.yaml'), 'utf8');
    expect(text).toMatch(/^root: "content\/runbooks"$/m);
    expect(text).toMatch(/^exclude: \["\*\*\/_index\.md"\]$/m);
    expect(text).toMatch(/^ {2}from_file_name: true$/m);
    expect(text).toMatch(/^ {2}required: \[summary, impact, diagnosis, recovery\]$/m);
  });

  it('GOV.UK: reads owner_slack as the owner and says what the mapping changes; .html.md.erb pages are included', () => {
    const text = readFileSync(join(GOLDEN, 'alphagov__govuk-developer-docs.yaml'), 'utf8');
    expect(text).toMatch(/# owner_slack is a Slack channel, read as the owning team\.\n {2}owner: owner_slack/);
    expect(text).toMatch(/^include: \["\*\*\/\*\.md", "\*\*\/\*\.md\.erb"\]$/m);
    expect(text).toMatch(/^extra_keys: \[layout, section, parent/m);
  });
});
