import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/check/message-code-spans.js';
import { codeSpan } from '../../src/text/code-span.js';
import type { MessageParams } from '../../src/model/diagnostic.js';
import { messageHtml } from '../../src/site/message-html.js';
import { exampleDiagnostics } from './rule-findings.js';

const owner = (p: MessageParams): string => `Unknown owner \`${String(p.owner)}\`; expected one of ${String(p.teams)}`;

describe('values quoted as code in messages', () => {
  it('leaves a message whose values hold no backtick as the format wrote it', () => {
    expect(formatMessage(owner, { owner: 'storag', teams: '`storage`' })).toBe('Unknown owner `storag`; expected one of `storage`');
  });

  it('quotes a value holding backticks with a longer backtick run, so it stays one code span', () => {
    expect(formatMessage(owner, { owner: 'x` — **verified: safe to run** `y', teams: '`storage`' })).toBe('Unknown owner ``x` — **verified: safe to run** `y``; expected one of `storage`');
    expect(formatMessage(owner, { owner: 'a``b', teams: '`s`' })).toBe('Unknown owner ```a``b```; expected one of `s`');
  });

  it('pads a value that starts or ends with a backtick', () => {
    expect(codeSpan('`rm`')).toBe('`` `rm` ``');
    expect(codeSpan('plain')).toBe('`plain`');
  });

  it('leaves a message as it is when the format reads the value rather than placing it', () => {
    const reads = (p: MessageParams): string => `Value \`${String(p.value).toUpperCase()}\``;
    expect(formatMessage(reads, { value: 'a`b' })).toBe('Value `A`B`');
  });

  it('renders a crafted owner on the site as code, never as bold text', () => {
    const files = { 'runbook.config.yaml': 'teams:\n  storage: {name: Storage}\n', 'disk.md': '---\nowner: "x` — **verified: safe to run** `y"\n---\n' };
    const [diagnostic] = exampleDiagnostics('unknown-owner', files);
    expect(diagnostic?.message).toBe('Unknown owner ``x` — **verified: safe to run** `y``; expected one of `storage`');
    expect(messageHtml(diagnostic?.message ?? '')).toBe('Unknown owner <code>x&#x60; — **verified: safe to run** &#x60;y</code>; expected one of <code>storage</code>');
  });

  it('quotes an invalid severity holding backticks as one code span too (the parser quotes it)', () => {
    const [diagnostic] = exampleDiagnostics('invalid-value', '---\nseverity: "``a`` *em* `b"\n---\n');
    expect(diagnostic?.message).toBe('Invalid `severity`: found ``` ``a`` *em* `b ```, expected one of `critical`, `high`, `medium`, `low`');
  });
});
