/**
 * Hostile text for the escape-injection property tests: escape sequences, C0, DEL, C1 and bidi
 * characters, after a marker (an OSC 52 clipboard write) that proves a field was printed; runbooks
 * and configs with such text in every field; and the check that an output holds none of it raw.
 *
 * A fixed seed and a CI-sized number of runs, as in test/reliability/properties.test.ts;
 * `RUNBOOK_FC_SEED` and `RUNBOOK_FC_RUNS` override them.
 */
import fc from 'fast-check';
import { runChecks } from '../../src/check/run.js';
import type { Config } from '../../src/model/config.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { Loaded } from '../../src/model/runbook.js';
import { parseConfig } from '../../src/parse/config.js';
import { parseRunbook } from '../../src/parse/runbook.js';
import { TODAY } from '../helpers.js';

export const SEED = process.env.RUNBOOK_FC_SEED === undefined ? 20261127 : Number(process.env.RUNBOOK_FC_SEED);
export const RUNS = process.env.RUNBOOK_FC_RUNS === undefined ? 60 : Number(process.env.RUNBOOK_FC_RUNS);
export const TIMEOUT = 60_000 + RUNS * 1_000;

/** What must never reach a terminal or a CI log: C0 but line feed and tab (CR only before LF), DEL, C1, bidi controls. */
const FORBIDDEN = /(?![\n\t])[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

/** The marker every hostile text starts with: an OSC 52 clipboard write. Seen made visible, it proves the field was printed. */
export const MARKER = '\u001b]52;c;ZWNobyBwd25lZAo=\u0007';
export const MARKER_SHOWN = '\\u001b]52;c;ZWNobyBwd25lZAo=\\u0007';

/** Escape sequences an attacker would use, whole. */
const SEQUENCES = [
  '\u001b[2J\u001b[H',
  '\u001b]52;c;ZWNobyBwd25lZAo=\u001b\\',
  '\u001b]8;;https://evil.example/\u0007docs\u001b]8;;\u0007',
  '\u001b]8;;https://evil.example/\u001b\\docs\u001b]8;;\u001b\\',
  '\u001b[8m',
  '\u001b[1A\u001b[2K',
  '\u009b2J',
  '\u009d52;c;eA==\u009c',
  '\u0090q\u009c',
  '\u202e',
  '\u2066txt\u2069',
  '\r',
  '\b\b\b',
  '\u0000',
  '\u007f',
  '\u000b\f',
];

const controlCharacter = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f })).map((code) => String.fromCharCode(code));

/** Some words with escape sequences and control characters among them, after the marker. */
export const hostile: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...SEQUENCES), controlCharacter), { maxLength: 6 })
  .map((parts) => `${MARKER}x${parts.join('')}`);

/** Where `text` holds something a terminal would act on, for the failure message; none when it is clean. */
export function leaks(text: string): string | undefined {
  const match = FORBIDDEN.exec(text.replaceAll('\r\n', '\n'));
  return match === null ? undefined : `U+${(match[0].codePointAt(0) ?? 0).toString(16).padStart(4, '0')} at ${match.index}: ${JSON.stringify(text.slice(Math.max(0, match.index - 40), match.index + 40))}`;
}

export function assertProperty<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void | Promise<void>): Promise<void> {
  return fc.assert(fc.asyncProperty(arbitrary, async (value) => { await predicate(value); }), { seed: SEED, numRuns: RUNS });
}

export const q = (text: string): string => JSON.stringify(text);

export interface Fields {
  readonly title: string;
  readonly owner: string;
  readonly service: string;
  readonly alert: string;
  readonly step: string;
  readonly command: string;
  readonly link: string;
  readonly file: string;
  readonly team: string;
  readonly chat: string;
  readonly contact: string;
}

export const fields: fc.Arbitrary<Fields> = fc.record({
  title: hostile,
  owner: hostile,
  service: hostile,
  alert: hostile,
  step: hostile,
  command: hostile,
  link: hostile,
  file: hostile,
  team: hostile,
  chat: hostile,
  contact: hostile,
});

/** The text of a config whose only team is the hostile owner, with a hostile name, chat and escalation contact. */
export function configText(f: Fields): string {
  return [
    'root: runbooks',
    'teams:',
    `  ${q(f.owner)}:`,
    `    name: ${q(f.team)}`,
    `    chat: ${q(f.chat)}`,
    `    escalation: [{name: ${q(f.contact)}, via: ${q(f.contact)}, target: ${q(f.contact)}}]`,
  ].join('\n');
}

/** The config of {@link configText}, parsed. */
export function configOf(f: Fields): Config {
  return parseConfig(configText(f), '/collection/runbook.config.yaml');
}

/** Text for one line of the Markdown body (a NUL byte makes the file binary: not a runbook at all). */
const inline = (text: string): string => text.replace(/[\r\n\0]/g, ' ');

export function runbookText(f: Fields): string {
  return [
    '---',
    `title: ${q(f.title)}`,
    `owner: ${q(f.owner)}`,
    `service: ${q(f.service)}`,
    'severity: critical',
    'last_tested: 2026-01-01',
    `alerts: [${q(f.alert)}]`,
    '---',
    '## Summary',
    f.step.replaceAll('\0', ' '),
    '## Impact',
    'x',
    '## Diagnosis',
    'x',
    '## Recovery',
    `1. ${inline(f.step)}`,
    '',
    '   ```sh',
    `   ${inline(f.command)}`,
    '   ```',
    '',
    '## Links',
    '',
    `- [${inline(f.link).replace(/[[\]]/g, ' ')}](https://example.com/)`,
    '',
  ].join('\n');
}

/** The hostile runbook of `f`, parsed and checked in memory, with one more diagnostic planted whose every text is hostile. */
export function checkedHostile(f: Fields): { readonly config: Config; readonly file: string; readonly loaded: Loaded; readonly diagnostics: readonly Diagnostic[] } {
  const config = configOf(f);
  const file = `runbooks/${f.file}.md`;
  const loaded = parseRunbook({ id: `x${f.file}`, file, path: `/collection/${file}`, bytes: new TextEncoder().encode(runbookText(f)) }, config, { render: true });
  const checked = runChecks([loaded], { config, today: TODAY, git: { kind: 'none' }, existingFiles: new Set(), rootLabel: 'runbooks' });
  const planted: Diagnostic = { file, span: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } }, ruleId: f.alert, code: f.alert, params: { title: f.title }, subject: f.title, severity: 'error', message: f.title, expected: f.owner, actual: f.command, note: f.step };
  return { config, file, loaded, diagnostics: [...checked, planted] };
}
