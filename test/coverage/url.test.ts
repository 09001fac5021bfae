import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandUrlTemplate } from '../../src/check/coverage/url-template.js';
import { expectedUrls, leadsTo, urlText } from '../../src/check/coverage/url-pattern.js';
import { exampleDiagnostics } from '../check/rule-findings.js';

const expanded = (template: string, alert = 'KubePodCrashLooping') => urlText(expandUrlTemplate(template, alert));

describe('expandUrlTemplate', () => {
  it('leaves a URL without template actions as it is', () => {
    expect(expandUrlTemplate('https://runbooks.example.com/alerts/KubePodCrashLooping/', 'X')).toEqual([
      { kind: 'text', text: 'https://runbooks.example.com/alerts/KubePodCrashLooping/' },
    ]);
  });

  it.each([
    ['https://r.example.com/alerts/{{ $labels.alertname }}/', 'https://r.example.com/alerts/KubePodCrashLooping/'],
    ['https://r.example.com/alerts/{{$labels.alertname}}', 'https://r.example.com/alerts/KubePodCrashLooping'],
    ['https://r.example.com/alerts/{{ .Labels.alertname }}/', 'https://r.example.com/alerts/KubePodCrashLooping/'],
    ['https://r.example.com/alerts/{{ index $labels "alertname" }}/', 'https://r.example.com/alerts/KubePodCrashLooping/'],
    ['https://r.example.com/{{ $labels.alertname | toLower }}', 'https://r.example.com/kubepodcrashlooping'],
    ['https://r.example.com/{{ .Labels.alertname | toLower }}', 'https://r.example.com/kubepodcrashlooping'],
    ['https://r.example.com/{{ toLower $labels.alertname }}', 'https://r.example.com/kubepodcrashlooping'],
    ['https://r.example.com/{{ $labels.alertname | toUpper }}', 'https://r.example.com/KUBEPODCRASHLOOPING'],
    ['https://r.example.com/{{ "fixed" }}/{{ `raw` }}', 'https://r.example.com/fixed/raw'],
    ['https://r.example.com/alerts/ {{- $labels.alertname -}} /x', 'https://r.example.com/alerts/KubePodCrashLooping/x'],
    ['https://r.example.com/{{/* a comment */}}x', 'https://r.example.com/x'],
  ])('understands %s', (template, url) => {
    expect(expanded(template)).toBe(url);
    expect(expandUrlTemplate(template, 'KubePodCrashLooping').every((part) => part.kind === 'text')).toBe(true);
  });

  it('keeps what is only known when the alert fires as unknown parts, quoted as written', () => {
    expect(expandUrlTemplate('https://r.example.com/{{ $labels.namespace }}/{{ $labels.alertname }}?v={{ $value | humanize }}', 'A')).toEqual([
      { kind: 'text', text: 'https://r.example.com/' },
      { kind: 'unknown', action: '{{ $labels.namespace }}' },
      { kind: 'text', text: '/A?v=' },
      { kind: 'unknown', action: '{{ $value | humanize }}' },
    ]);
    expect(expandUrlTemplate('{{ $externalURL }}/alerts', 'A')).toEqual([
      { kind: 'unknown', action: '{{ $externalURL }}' },
      { kind: 'text', text: '/alerts' },
    ]);
  });

  it('treats an unclosed action as text', () => {
    expect(expanded('https://r.example.com/{{ $labels.alertname')).toBe('https://r.example.com/{{ $labels.alertname');
  });

  it('never throws and gives back the text of a template without actions', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (template, alert) => {
        const parts = expandUrlTemplate(template, alert);
        expect(parts.length).toBeGreaterThan(0);
        if (!template.includes('{{')) expect(urlText(parts)).toBe(template);
      }),
    );
  });
});

/** `KubePodCrashLooping` as the site writes its pages: its own and the lower-case variant. */
const KUBE = { name: 'KubePodCrashLooping', folders: ['KubePodCrashLooping', 'kubepodcrashlooping'] };
/** Its runbook's page folders under `runbooks/`: its own and the lower-case variant. */
const KUBE_RUNBOOK = { id: 'kubernetes/KubePodCrashLooping', folders: ['kubernetes/KubePodCrashLooping', 'kubernetes/kubepodcrashlooping'] };

describe('expectedUrls', () => {
  it('fills {alert} and {id} with the folders the site writes, as written and lowercased', () => {
    expect(expectedUrls('https://r.example.com/{alert}/{id}', KUBE, KUBE_RUNBOOK)).toEqual([
      'https://r.example.com/KubePodCrashLooping/kubernetes/KubePodCrashLooping',
      'https://r.example.com/kubepodcrashlooping/kubernetes/kubepodcrashlooping',
    ]);
    expect(expectedUrls('https://r.example.com/{id}#{alert}', { name: 'a', folders: ['a'] }, { id: 'b', folders: ['b'] })).toEqual(['https://r.example.com/b#a']);
  });

  it('has no lower-case URL where the site writes no lower-case page', () => {
    const alone = { name: 'DiskFull', folders: ['DiskFull-0f0f0f0f'] };
    expect(expectedUrls('https://r.example.com/x/{alert}/', alone, { id: 'disk/Full', folders: ['disk/Full'] })).toEqual(['https://r.example.com/x/DiskFull-0f0f0f0f/']);
    expect(expectedUrls('https://r.example.com/runbooks/{id}', alone, { id: 'disk/Full', folders: ['disk/Full'] })).toEqual([
      'https://r.example.com/runbooks/disk/Full',
      'https://r.example.com/alerts/DiskFull-0f0f0f0f/',
      'https://r.example.com/runbooks/disk/Full/',
    ]);
  });

  it('takes {id} as the id where the pattern is not the site\'s (a file in a repository), and as the folders where it is', () => {
    const disk = { name: 'DiskFull', folders: ['DiskFull', 'diskfull'] };
    const runbook = { id: 'Disk Full', folders: ['Disk-Full', 'disk-full'] };
    expect(expectedUrls('https://github.com/org/repo/blob/main/rb/{id}.md', disk, runbook)).toEqual([
      'https://github.com/org/repo/blob/main/rb/Disk Full.md',
      'https://github.com/org/repo/blob/main/rb/disk full.md',
    ]);
    expect(expectedUrls('https://r.example.com/runbooks/{id}/#{alert}', disk, runbook)).toEqual([
      'https://r.example.com/runbooks/Disk-Full/#DiskFull',
      'https://r.example.com/runbooks/disk-full/#diskfull',
    ]);
  });

  it('takes the alert pages and the runbook pages of a pattern naming either (both lead to the runbook)', () => {
    const pages = [
      'https://r.example.com/alerts/KubePodCrashLooping/',
      'https://r.example.com/alerts/kubepodcrashlooping/',
      'https://r.example.com/runbooks/kubernetes/KubePodCrashLooping/',
      'https://r.example.com/runbooks/kubernetes/kubepodcrashlooping/',
    ];
    expect(expectedUrls('https://r.example.com/alerts/{alert}/', KUBE, KUBE_RUNBOOK)).toEqual(pages);
    expect([...expectedUrls('https://r.example.com/runbooks/{id}', KUBE, KUBE_RUNBOOK)].sort()).toEqual(
      [...pages, 'https://r.example.com/runbooks/kubernetes/KubePodCrashLooping', 'https://r.example.com/runbooks/kubernetes/kubepodcrashlooping'].sort(),
    );
  });
});

describe('leadsTo', () => {
  const expected = expectedUrls('https://runbooks.example.com/alerts/{alert}/', KUBE, { id: 'kubernetes/pods', folders: ['kubernetes/pods'] });
  const leads = (template: string, wanted: readonly string[] = expected) => leadsTo(expandUrlTemplate(template, 'KubePodCrashLooping'), wanted);

  it.each([
    'https://runbooks.example.com/alerts/KubePodCrashLooping/',
    'https://runbooks.example.com/alerts/KubePodCrashLooping',
    'https://runbooks.example.com/alerts/kubepodcrashlooping',
    'https://runbooks.example.com/alerts/{{ $labels.alertname }}/',
    'https://runbooks.example.com/alerts/{{ $labels.alertname | toLower }}',
    'https://runbooks.example.com/alerts/{{ $labels.alertname }}/?cluster={{ $labels.cluster }}',
    'https://runbooks.example.com/alerts/KubePodCrashLooping/#recovery',
    '{{ $externalLabels.runbooks }}/alerts/KubePodCrashLooping/',
  ])('accepts %s', (template) => {
    expect(leads(template)).toBe(true);
  });

  it.each([
    'https://runbooks.example.com/alerts/KubePodCrashLoping/',
    'https://runbooks.example.com/alerts/KUBEPODCRASHLOOPING/',
    'https://runbooks.example.com/alerts/{{ $labels.alertname | toUpper }}/',
    'https://runbooks.example.com/KubePodCrashLooping/',
    'http://runbooks.example.com/alerts/KubePodCrashLooping/',
    'https://runbooks.example.com/alerts/{{ $labels.namespace }}-KubePodCrashLooping/x',
  ])('rejects %s', (template) => {
    expect(leads(template)).toBe(false);
  });

  it('never throws, and a URL always leads to itself, whatever characters it holds', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (before, after, alert) => {
        const template = `${before}{{ $labels.namespace }}${after}`;
        expect(typeof leadsTo(expandUrlTemplate(template, alert), [`${before}x${after}`])).toBe('boolean');
        if (!`${before}${after}`.includes('{{') && !/[?#]/.test(`${before}${after}`)) {
          expect(leadsTo(expandUrlTemplate(`${before}${after}`, alert), [`${before}${after}`])).toBe(true);
        }
      }),
    );
  });

  it('compares the fragment when the pattern has one (one page listing many alerts)', () => {
    const anchors = expectedUrls('https://github.com/acme/mixin/blob/main/runbook.md#alert-name-{alert}', KUBE, { id: 'runbook', folders: ['runbook'] });
    expect(leads('https://github.com/acme/mixin/blob/main/runbook.md#alert-name-kubepodcrashlooping', anchors)).toBe(true);
    expect(leads('https://github.com/acme/mixin/blob/main/runbook.md#alert-name-kubepodnotready', anchors)).toBe(false);
    expect(leads('https://github.com/acme/mixin/blob/main/runbook.md', anchors)).toBe(false);
  });
});

describe('runbook-url-mismatch with a pattern naming the repository, not the site', () => {
  it('accepts the URL of the runbook file itself, as before the site folders (`disk full.md`, `Net.md` beside `net.md`, `c++ build.md`)', () => {
    const rule = (alert: string, file: string) => `  - alert: ${alert}\n    expr: up == 0\n    annotations: {runbook_url: "https://github.com/org/repo/blob/main/rb/${file}"}\n`;
    const files = {
      'runbook.config.yaml': 'alerts:\n  url: https://github.com/org/repo/blob/main/rb/{id}.md\n',
      'disk full.md': '---\nalerts: [DiskFull]\n---\n',
      'Net.md': '---\nalerts: [NetA]\n---\n',
      'net.md': '---\nalerts: [NetB]\n---\n',
      'c++ build.md': '---\nalerts: [CppBuild]\n---\n',
      'alerts.yml': `groups:\n- name: g\n  rules:\n${rule('DiskFull', 'disk full.md')}${rule('NetA', 'Net.md')}${rule('NetB', 'net.md')}${rule('CppBuild', 'c-build.md')}`,
    };
    expect(exampleDiagnostics('runbook-url-mismatch', files).map((diagnostic) => diagnostic.message)).toEqual([
      '`runbook_url` of alert `CppBuild` does not lead to its runbook `c++ build`: expected `https://github.com/org/repo/blob/main/rb/c++ build.md`, found `https://github.com/org/repo/blob/main/rb/c-build.md`',
    ]);
  });
});
