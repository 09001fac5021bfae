import { describe, expect, it } from 'vitest';
import { cacheKey } from '../../src/io/run-cache.js';
import { bytesDigest } from '../../src/io/run-memo.js';
import { findableFromText } from '../../src/parse/findable.js';
import { claimedAlerts, fileNameAlert } from '../../src/parse/alert-claims.js';
import { ConfigError, defaultConfig, parseConfig } from '../../src/parse/config.js';
import { parseRunbook } from '../../src/parse/runbook.js';

const PATH = '/repo/runbook.config.yaml';

function configError(text: string): string {
  try {
    parseConfig(text, PATH, { label: 'runbook.config.yaml' });
  } catch (error: unknown) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('the `alerts` section of the config', () => {
  it('is normalised: globs relative to the config file, the URL pattern, and file-named alerts off by default', () => {
    expect(defaultConfig('/repo').alerts).toEqual({ rules: [], base: '/repo', url: undefined, fromFileName: false });
    const config = parseConfig(
      'alerts:\n  rules: ["monitoring/*.yaml"]\n  url: https://runbooks.example.com/alerts/{alert}/\n  from_file_name: true\n',
      '/repo/ops/runbook.config.yaml',
    );
    expect(config.alerts).toEqual({ rules: ['monitoring/*.yaml'], base: '/repo/ops', url: 'https://runbooks.example.com/alerts/{alert}/', fromFileName: true });
  });

  it('rejects an unknown key with its location and a suggestion', () => {
    expect(configError('root: .\nalerts:\n  rule: [a.yaml]\n')).toBe('invalid configuration:\n  runbook.config.yaml:3:3: `alerts`: unknown key `rule`; did you mean `rules`?');
  });

  it('rejects a URL pattern with neither {alert} nor {id}, and values of the wrong type, located', () => {
    expect(configError('alerts:\n  url: https://runbooks.example.com/alerts/{{ $labels.alertname }}/\n')).toBe(
      'invalid configuration:\n  runbook.config.yaml:2:8: `alerts.url`: expected a URL with `{alert}` or `{id}`, e.g. `https://runbooks.example.com/alerts/{alert}/`',
    );
    expect(configError('alerts:\n  rules: monitoring/*.yaml\n  from_file_name: yes\n')).toMatch(
      /^invalid configuration:\n {2}runbook\.config\.yaml:2:10: `alerts\.rules`: .*\n {2}runbook\.config\.yaml:3:19: `alerts\.from_file_name`: /,
    );
    expect(configError('alerts:\n  rules: []\n')).toMatch(/runbook\.config\.yaml:2:10: `alerts\.rules`: /);
  });

  it('accepts coverage rule ids in `rules:`', () => {
    const config = parseConfig('rules:\n  runbook-alert-undefined: error\n', PATH, { ruleIds: ['runbook-alert-undefined'] });
    expect(config.rules.get('runbook-alert-undefined')).toBe('error');
  });
});

describe('alerts named by the file name (`alerts.from_file_name`)', () => {
  const config = parseConfig('alerts:\n  from_file_name: true\n', PATH);
  const parse = (id: string, text: string, withConfig = config) => {
    const loaded = parseRunbook({ id, file: `${id}.md`, path: `/repo/${id}.md`, bytes: new TextEncoder().encode(text) }, withConfig);
    if (loaded.kind !== 'runbook') throw new Error(loaded.reason);
    return loaded.runbook;
  };

  it('are claimed by the runbook at the start of the file, beside the ones its frontmatter lists', () => {
    const runbook = parse('kubernetes/KubePodCrashLooping', '---\ntitle: Kube Pod Crash Looping\nweight: 20\nalerts: [KubeContainerWaiting]\n---\n# KubePodCrashLooping\n');
    expect(runbook.alerts).toEqual([
      { value: 'KubeContainerWaiting', span: { start: { line: 4, column: 10 }, end: { line: 4, column: 30 } } },
      { value: 'KubePodCrashLooping', span: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } },
    ]);
  });

  it('are claimed once when the frontmatter lists the same alert, and also without any frontmatter', () => {
    expect(parse('etcd/etcdNoLeader', '---\nalerts: [etcdNoLeader]\n---\n').alerts.map((alert) => alert.value)).toEqual(['etcdNoLeader']);
    expect(parse('etcd/etcdNoLeader', '# etcd has no leader\n').alerts.map((alert) => alert.value)).toEqual(['etcdNoLeader']);
  });

  it('are not claimed when the config does not say so, or when the file name is no alert name', () => {
    expect(parse('etcd/etcdNoLeader', '# x\n', defaultConfig('/repo')).alerts).toEqual([]);
    expect(parse('database/primary-down', '# x\n').alerts).toEqual([]);
    expect(fileNameAlert('a/b/NodeRAIDDegraded')).toBe('NodeRAIDDegraded');
    expect(fileNameAlert('disk full')).toBeUndefined();
    expect(fileNameAlert('2024-incident')).toBeUndefined();
    expect(claimedAlerts([], 'NodeDown', defaultConfig('/repo'))).toEqual([]);
  });

  it('are part of the parse cache key, so turning `from_file_name` on or off never reuses a stale parse', () => {
    const source = { id: 'etcd/etcdNoLeader', file: 'etcd/etcdNoLeader.md', path: '/repo/etcd/etcdNoLeader.md', digest: bytesDigest(new TextEncoder().encode('# x\n')) };
    expect(cacheKey(source, config, false)).not.toBe(cacheKey(source, parseConfig('alerts:\n  from_file_name: false\n', PATH), false));
  });

  it('are found by `show` too (the frontmatter-only reader)', () => {
    const findable = findableFromText({ id: 'node/NodeClockSkewDetected', file: 'node/NodeClockSkewDetected.md' }, '---\ntitle: Node Clock Skew Detected\n---\n', config);
    expect(findable?.alerts).toEqual(['NodeClockSkewDetected']);
  });
});
