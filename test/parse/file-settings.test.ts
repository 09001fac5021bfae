import { describe, expect, it } from 'vitest';
import { cacheKey } from '../../src/io/run-cache.js';
import { bytesDigest } from '../../src/io/run-memo.js';
import { ConfigError, parseConfig } from '../../src/parse/config.js';
import { settingsFor, topLevelSettings } from '../../src/parse/file-settings.js';
import { runbookOf } from '../helpers.js';
import { RULES } from '../../src/check/registry.js';
import { runChecks } from '../../src/check/run.js';
import { parseRunbook } from '../../src/parse/runbook.js';
import { collectionView } from '../../src/view/collection-view.js';
import { TODAY } from '../helpers.js';

const PATH = '/repo/runbook.config.yaml';
const RULE_IDS = RULES.map((rule) => rule.id);

function config(text: string) {
  return parseConfig(text, PATH, { label: 'runbook.config.yaml', ruleIds: RULE_IDS });
}

function configError(text: string): string {
  try {
    config(text);
  } catch (error: unknown) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const OVERRIDES = `root: docs
rules: {stale: warning, placeholder-text: info}
defaults: {owner: platform, review_every: 6 months}
sections: {required: [summary, recovery]}
overrides:
  - files: ['gitaly/**']
    rules: {stale: error, missing-section: off}
    defaults: {owner: gitaly, service: gitaly}
    sections: {required: [Recovery, Rollback]}
  - files: ['gitaly/legacy/*.md', 'other/**']
    rules: {stale: off}
    defaults: {owner: legacy}
`;

describe('settingsFor: the settings of one runbook file', () => {
  const overridden = config(OVERRIDES);

  it('are the top-level ones for a file no override matches', () => {
    expect(settingsFor(overridden, '/repo/docs/web/down.md')).toEqual({
      rules: { stale: 'warning', 'placeholder-text': 'info' },
      defaults: { owner: 'platform', review_every: '6 months' },
      requiredSections: ['summary', 'recovery'],
    });
    expect(settingsFor(overridden, '/repo/docs/web/down.md')).toEqual(topLevelSettings(overridden));
  });

  it('lay each matching override over them in order: rules and defaults key by key, required sections replaced', () => {
    expect(settingsFor(overridden, '/repo/docs/gitaly/down.md')).toEqual({
      rules: { stale: 'error', 'placeholder-text': 'info', 'missing-section': 'off' },
      defaults: { owner: 'gitaly', service: 'gitaly', review_every: '6 months' },
      requiredSections: ['recovery', 'rollback'],
    });
    expect(settingsFor(overridden, '/repo/docs/gitaly/legacy/old.md')).toEqual({
      rules: { stale: 'off', 'placeholder-text': 'info', 'missing-section': 'off' },
      defaults: { owner: 'legacy', service: 'gitaly', review_every: '6 months' },
      requiredSections: ['recovery', 'rollback'],
    });
  });

  it('match globs relative to root, in the dialect of include (a file outside root matches none)', () => {
    expect(settingsFor(overridden, '/repo/docs/gitaly/legacy/deeper/old.md').rules.stale).toBe('error');
    expect(settingsFor(overridden, '/repo/gitaly/down.md')).toEqual(topLevelSettings(overridden));
    expect(settingsFor(overridden, '/elsewhere/other/x.md')).toEqual(topLevelSettings(overridden));
  });

  it('read a required section written as another name of a section as that section (`troubleshooting` is `diagnosis`)', () => {
    const aliased = config("sections: {required: [Summary, Troubleshooting]}\noverrides:\n  - files: ['x/**']\n    sections: {required: [mitigation, recovery]}\n");
    expect(aliased.requiredSections).toEqual(['summary', 'diagnosis']);
    expect(aliased.overrides[0]?.requiredSections).toEqual(['recovery']);
  });

  it('make an override\'s required sections headings the parser knows', () => {
    expect(overridden.sectionAliases.get('rollback')).toBe('rollback');
    const runbook = runbookOf('# x\n\n## Rollback\n\nx\n', overridden);
    expect(runbook.sections.map((section) => section.name)).toEqual([undefined, 'rollback']);
  });
});

describe('the `overrides` of a config', () => {
  it('name unknown rules with "did you mean", where they are, as top-level `rules` do', () => {
    expect(configError("overrides:\n  - files: ['a/**']\n    rules:\n      stael: off\n")).toBe(
      'invalid configuration:\n  runbook.config.yaml:4:7: unknown rule `stael` in `overrides.0.rules`; did you mean `stale`?',
    );
  });

  it('refuse the globs include refuses, an override without files and unknown keys', () => {
    expect(configError("overrides:\n  - files: ['*a*b*c*.md']\n  - rules: {}\n  - files: [x]\n    default: {}\n")).toBe(
      [
        'invalid configuration:',
        '  runbook.config.yaml:2:13: `overrides.0.files.0`: the glob `*a*b*c*.md` has 4 `*` in the part `*a*b*c*.md`; at most 2 are allowed in one part of a path (more make matching take exponential time), e.g. `*runbook*.md` or `**/*.md`',
        '  runbook.config.yaml:3:5: `overrides.1.files`: missing (required)',
        '  runbook.config.yaml:5:5: `overrides.2`: unknown key `default`; did you mean `defaults`?',
      ].join('\n'),
    );
  });

  it('are part of the parse cache key (each runbook keeps its settings), and so are the top-level rules and sections', () => {
    const source = { id: 'gitaly/down', file: 'docs/gitaly/down.md', path: '/repo/docs/gitaly/down.md', digest: bytesDigest(new TextEncoder().encode('# x\n')) };
    const base = config('root: docs\n');
    const keys = [
      base,
      config("root: docs\noverrides:\n  - files: ['gitaly/**']\n    rules: {stale: off}\n"),
      config("root: docs\noverrides:\n  - files: ['gitaly/**']\n    rules: {stale: warning}\n"),
      config("root: docs\noverrides:\n  - files: ['gitaly/**']\n    defaults: {owner: gitaly}\n"),
      config("root: docs\noverrides:\n  - files: ['gitaly/**']\n    sections: {required: [recovery]}\n"),
      config('root: docs\nrules: {stale: off}\n'),
      config('root: docs\nsections: {required: [recovery]}\n'),
    ].map((each) => cacheKey(source, each, false));
    expect(new Set(keys).size).toBe(keys.length);
    expect(cacheKey(source, config('root: docs\n'), false)).toBe(keys[0]);
  });
});

describe('defaults for a file without frontmatter', () => {
  const withDefaults = config('defaults: {owner: gitaly, service: gitaly, severity: high}\n');

  it('stand in for the block: the runbook has their owner, service and severity, located at the top of the file', () => {
    const runbook = runbookOf('# Gitaly is down\n\n## Recovery\n\n1. Restart it.\n', { ...withDefaults, root: '/runbooks' });
    expect(runbook.owner).toEqual({ kind: 'given', value: 'gitaly', span: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } });
    expect(runbook.service.kind).toBe('given');
    expect(runbook.severity).toMatchObject({ kind: 'given', value: { id: 'high' } });
    expect(runbook.title).toBe('Gitaly is down');
    expect(runbook.frontmatter).toEqual({
      kind: 'defaulted',
      given: ['owner', 'service', 'severity'],
      problems: [
        { kind: 'missing-field', key: 'title' },
        { kind: 'missing-field', key: 'last_tested' },
      ],
    });
  });

  it('are not applied to a block opened and never closed (that is a broken file, not a missing block)', () => {
    expect(runbookOf('---\ntitle: x\n\n# Body\n', { ...withDefaults, root: '/runbooks' }).frontmatter).toEqual({ kind: 'missing', unclosed: true });
  });

  it('leave a file without frontmatter as it was when the config gives none', () => {
    const runbook = runbookOf('# Body\n', config('rules: {stale: off}\n'));
    expect(runbook.frontmatter).toEqual({ kind: 'missing', unclosed: false });
    expect(runbook.owner).toEqual({ kind: 'none' });
  });
});

describe('rules per folder, in the runner and the site status', () => {
  const overridden = config("overrides:\n  - files: ['legacy/**']\n    rules: {stale: off, never-tested: warning}\n");
  const stale = [
    '---\ntitle: x\nowner: a\nservice: b\nseverity: low\nlast_tested: 2020-01-01',
    'escalation:\n  - {name: On-call, via: pager, target: primary}\n---',
    '# x\n\n## Summary\nx\n\n## Impact\nx\n\n## Diagnosis\nx\n\n## Recovery\n1. x\n',
  ].join('\n');
  const parsed = (id: string) => {
    const loaded = parseRunbook({ id, file: `${id}.md`, path: `/repo/${id}.md`, bytes: new TextEncoder().encode(stale) }, overridden);
    if (loaded.kind !== 'runbook') throw new Error('expected a runbook');
    return loaded.runbook;
  };
  const runbooks = [parsed('legacy/old'), parsed('new/fresh')];
  const context = { config: overridden, today: TODAY, git: { kind: 'none' } as const, existingFiles: new Set<string>(), rootLabel: '.' };
  const diagnostics = runChecks(runbooks.map((runbook) => ({ kind: 'runbook', runbook, body: { kind: 'not-rendered' } }) as const), context);

  it('report a rule only where it is on', () => {
    expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === 'stale').map((diagnostic) => diagnostic.file)).toEqual(['new/fresh.md']);
  });

  it('give the site a status from the rules on for each runbook', () => {
    const view = collectionView(runbooks, diagnostics, overridden, TODAY, { kind: 'none' });
    expect(view.runbooks.map((runbook) => [runbook.runbook.id, runbook.status.kind])).toEqual([
      ['legacy/old', 'untracked'],
      ['new/fresh', 'stale'],
    ]);
  });
});
