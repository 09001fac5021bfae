import { describe, expect, it } from 'vitest';
import { plainText, type Inlines } from '../../src/model/prose.js';
import type { Recovery, RecoveryStep } from '../../src/model/runbook.js';
import { bodyBlocks } from '../../src/parse/body-blocks.js';
import { findingsOf } from '../check/rule-findings.js';
import { runbookOf } from '../helpers.js';

function steps(recovery: Recovery): readonly RecoveryStep[] {
  if (recovery.source !== 'body' && recovery.source !== 'frontmatter') throw new Error(`expected steps, got ${recovery.source}`);
  return recovery.steps;
}

const text = (value: string): Inlines[number] => ({ kind: 'text', text: value });
const code = (value: string): Inlines[number] => ({ kind: 'code', text: value });

describe('steps written in the body', () => {
  const body = (item: string): Recovery => runbookOf(`## Recovery\n\n${item}`).recovery;

  it('keep their parts in order: text, command, then the Expect paragraph after the command', () => {
    const [step] = steps(body('1. Check the **primary** with `pg_isready`:\n\n   ```sh\n   pg_isready -h db\n   ```\n\n   Expect: `accepting connections`.\n'));
    expect(step).toMatchObject({
      text: 'Check the primary with pg_isready:',
      textInlines: [text('Check the '), { kind: 'strong', children: [text('primary')] }, text(' with '), code('pg_isready'), text(':')],
      run: 'pg_isready -h db',
      expect: 'accepting connections.',
      expectInlines: [code('accepting connections'), text('.')],
    });
  });

  it('drop the Expect label written plain, in bold or as "Expected output"', () => {
    const labelled = (label: string) => steps(body(`1. Restart.\n\n   \`\`\`\n   systemctl restart x\n   \`\`\`\n\n   ${label} it comes back\n`))[0];
    for (const label of ['Expect:', 'Expected:', '**Expected output:**', '**Expect**:', 'Expect']) {
      expect(labelled(label), label).toMatchObject({ expect: 'it comes back', expectInlines: [text('it comes back')] });
    }
  });

  it('keep other text after the command as part of the step text, as before', () => {
    const [step] = steps(body('1. Restart.\n\n   ```\n   systemctl restart x\n   ```\n\n   Then wait a minute.\n'));
    expect(step).toMatchObject({ text: 'Restart. Then wait a minute.', textInlines: [text('Restart. Then wait a minute.')], run: 'systemctl restart x' });
    expect(step?.expect).toBeUndefined();
    expect(step?.expectInlines).toBeUndefined();
  });

  it('do not take a paragraph before the command for what to expect, nor a word that only starts like Expect', () => {
    const [before] = steps(body('1. Expect a short outage.\n\n   ```\n   systemctl restart x\n   ```\n'));
    expect(before).toMatchObject({ text: 'Expect a short outage.' });
    expect(before?.expect).toBeUndefined();
    const [after] = steps(body('1. Restart.\n\n   ```\n   systemctl restart x\n   ```\n\n   Expectations vary.\n'));
    expect(after?.expect).toBeUndefined();
  });

  it('keep links with their destination, references included, and give HTML and images as text', () => {
    const [step] = steps(body('1. See [the notes][n], ![a graph](g.png) and <kbd>Ctrl</kbd>+C, not [this](javascript:alert(1)).\n\n[n]: https://wiki.example.com/n\n'));
    expect(step?.textInlines).toEqual([
      text('See '),
      { kind: 'link', url: 'https://wiki.example.com/n', children: [text('the notes')] },
      text(', a graph and Ctrl+C, not this.'),
    ]);
  });
});

describe('steps written in the frontmatter', () => {
  it('are read as inline Markdown, the plain text kept as written', () => {
    const runbook = runbookOf('---\ntitle: x\nrecovery:\n  - step: Run `list` **now**\n    expect: "`ok` <b>soon</b>"\n  - Plain text, as written\n---\n');
    const [first, second] = steps(runbook.recovery);
    expect(first).toMatchObject({
      text: 'Run `list` **now**',
      textInlines: [text('Run '), code('list'), text(' '), { kind: 'strong', children: [text('now')] }],
      expect: '`ok` <b>soon</b>',
      expectInlines: [code('ok'), text(' soon')],
    });
    expect(second).toMatchObject({ text: 'Plain text, as written', textInlines: [text('Plain text, as written')] });
  });

  it('stay plain when they would be more than one paragraph of Markdown', () => {
    const [step] = steps(runbookOf('---\ntitle: x\nrecovery:\n  - "# not a heading"\n  - "1. not a list"\n---\n').recovery);
    expect(step?.textInlines).toEqual([text('# not a heading')]);
  });
});

describe('a recovery section written as prose', () => {
  const PROMETHEUS_LIKE = [
    '---',
    'title: Kube Pod Crash Looping',
    '---',
    '# KubePodCrashLooping',
    '',
    '## Diagnosis',
    '',
    '- Check pod events via `kubectl describe pod $POD`.',
    '',
    '## Mitigation',
    '',
    'Talk with developers, ensure to define',
    'sane default values.',
    '',
    '- one',
    '- two',
    '',
    '```sh',
    'kubectl rollout restart deploy/app',
    '```',
    '',
    '<!-- a comment -->',
    '',
    'See [Debugging Pods](https://kubernetes.io/docs/debug)',
    '',
  ].join('\n');

  it('is the section as written: paragraphs, lists and code blocks in order', () => {
    const recovery = runbookOf(PROMETHEUS_LIKE).recovery;
    expect(recovery).toEqual({
      source: 'prose',
      form: 'section',
      heading: 'Mitigation',
      slug: 'mitigation',
      span: { start: { line: 10, column: 1 }, end: { line: 24, column: 55 } },
      blocks: [
        { kind: 'paragraph', inlines: [text('Talk with developers, ensure to define\nsane default values.')] },
        { kind: 'list', ordered: false, start: 1, items: [[{ kind: 'paragraph', inlines: [text('one')] }], [{ kind: 'paragraph', inlines: [text('two')] }]] },
        { kind: 'code', lang: 'sh', text: 'kubectl rollout restart deploy/app' },
        { kind: 'paragraph', inlines: [text('See '), { kind: 'link', url: 'https://kubernetes.io/docs/debug', children: [text('Debugging Pods')] }] },
      ],
    });
  });

  it('takes every recovery section in order, each further one under its heading', () => {
    const recovery = runbookOf('## Mitigation\n\nFirst.\n\n## Impact\n\nNone.\n\n## Resolution\n\nSecond.\n').recovery;
    expect(recovery.source === 'prose' && recovery.blocks).toEqual([
      { kind: 'paragraph', inlines: [text('First.')] },
      { kind: 'heading', depth: 2, inlines: [text('Resolution')], slug: 'resolution' },
      { kind: 'paragraph', inlines: [text('Second.')] },
    ]);
  });

  it('gives way to a numbered list in any recovery section, and is none for a section of comments only', () => {
    expect(runbookOf('## Mitigation\n\nFirst.\n\n## Resolution\n\n1. Step.\n').recovery.source).toBe('body');
    expect(runbookOf('## Mitigation\n\n<!-- to do -->\n').recovery.source).toBe('none');
  });
});

describe('sibling headings numbered 1., 2., 3. … (GitLab)', () => {
  const GITLAB_LIKE = [
    '# Gitaly is down',
    '',
    '## Symptoms',
    '',
    'Pages fire.',
    '',
    '## 1. Ensure that the file server is running',
    '',
    'Is the file server up?',
    '',
    '### If the server rebooted',
    '',
    '```sh',
    '# a comment, not a heading',
    'sudo mount -a',
    '```',
    '',
    '## 2. Check the logs',
    '',
    'Read them.',
    '',
    '## Known scenarios',
    '',
    'Not a step.',
    '',
  ].join('\n');

  it('are the recovery, as written, when there is no recovery section: each one with its heading', () => {
    expect(runbookOf(GITLAB_LIKE).recovery).toEqual({
      source: 'prose',
      form: 'numbered-headings',
      heading: '1. Ensure that the file server is running',
      slug: '1-ensure-that-the-file-server-is-running',
      span: { start: { line: 7, column: 1 }, end: { line: 20, column: 11 } },
      blocks: [
        { kind: 'heading', depth: 2, inlines: [text('1. Ensure that the file server is running')], slug: '1-ensure-that-the-file-server-is-running' },
        { kind: 'paragraph', inlines: [text('Is the file server up?')] },
        { kind: 'heading', depth: 3, inlines: [text('If the server rebooted')], slug: 'if-the-server-rebooted' },
        { kind: 'code', lang: 'sh', text: '# a comment, not a heading\nsudo mount -a' },
        { kind: 'heading', depth: 2, inlines: [text('2. Check the logs')], slug: '2-check-the-logs' },
        { kind: 'paragraph', inlines: [text('Read them.')] },
      ],
    });
  });

  it('are reported as a recovery written as prose, at the first numbered heading', () => {
    const findings = findingsOf('no-recovery-steps', GITLAB_LIKE).map((finding) => ({ code: finding.code, span: finding.span }));
    expect(findings).toEqual([{ code: 'no-recovery-steps/prose', span: { start: { line: 7, column: 1 }, end: { line: 7, column: 45 } } }]);
  });

  it('run only while each sibling is numbered next, at the same level, from 1', () => {
    const prose = (markdown: string) => {
      const recovery = runbookOf(markdown).recovery;
      return recovery.source === 'prose' ? recovery.blocks.flatMap((block) => (block.kind === 'heading' ? [plainText(block.inlines)] : [])) : recovery.source;
    };
    expect(prose('## 1. One\n\na\n\n## 2. Two\n\nb\n\n## 4. Four\n\nc\n')).toEqual(['1. One', '2. Two']);
    expect(prose('### 1. One\n\na\n\n### 2. Two\n\n### 3. Three\n')).toEqual(['1. One', '2. Two', '3. Three']);
    expect(prose('## 1. One\n\na\n\n### 2. Two\n\nb\n')).toBe('none');
    expect(prose('## 1. One\n\na\n\n## Two\n\n## 2. Three\n\nb\n')).toBe('none');
    expect(prose('## 2. Two\n\na\n\n## 3. Three\n\nb\n')).toBe('none');
    expect(prose('## 1. Only one\n\na\n')).toBe('none');
    expect(prose('## 1.5 GB\n\na\n\n## 2. Two\n\nb\n')).toBe('none');
  });

  it('give way to a recovery section, with or without a numbered list', () => {
    const numbered = '## 1. One\n\na\n\n## 2. Two\n\nb\n';
    expect(runbookOf(`${numbered}\n## Mitigation\n\nRestart it.\n`).recovery).toMatchObject({ source: 'prose', heading: 'Mitigation' });
    expect(runbookOf(`${numbered}\n## Recovery\n\n1. Restart it.\n`).recovery.source).toBe('body');
  });
});

describe('bodyBlocks', () => {
  it('gives the whole body without the frontmatter, headings with their anchors', () => {
    const blocks = bodyBlocks('---\ntitle: x\n---\n# Title\n\n## Steps\n\n## Steps\n\n| a | b |\n| - | - |\n| `1` | 2 |\n\n---\n');
    expect(blocks).toEqual([
      { kind: 'heading', depth: 1, inlines: [text('Title')], slug: 'title' },
      { kind: 'heading', depth: 2, inlines: [text('Steps')], slug: 'steps' },
      { kind: 'heading', depth: 2, inlines: [text('Steps')], slug: 'steps-1' },
      { kind: 'table', rows: [[[text('a')], [text('b')]], [[code('1')], [text('2')]]] },
      { kind: 'rule' },
    ]);
  });

  it('is undefined for a text beyond what the parser reads', () => {
    expect(bodyBlocks(`${'> '.repeat(200)}deep\n`)).toBeUndefined();
  });
});
