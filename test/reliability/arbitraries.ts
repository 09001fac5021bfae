/**
 * fast-check arbitraries for hostile runbook files: raw bytes, valid-ish YAML frontmatter with odd
 * keys, values, types, tags, anchors and aliases, and Markdown with nesting, lists, tables, HTML,
 * code fences and links with odd URLs, joined with mixed line endings.
 */
import fc from 'fast-check';
import { CANONICAL_KEYS } from '../../src/model/config.js';

/** Text that is hard to handle: quotes, markup, control characters, Unicode, surrogate halves. */
const oddText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(
    '',
    ' ',
    '"',
    "'",
    '\\',
    '<script>__xss(1)</script>',
    '"><img src=x onerror=__xss(2)>',
    'javascript:__xss(3)',
    '{{constructor}}',
    '../../..',
    'C:\\Windows\\con',
    '\u202e\u200b\ufeff',
    '\ud800',
    '😀👩‍👩‍👧',
    'TODO',
    '<insert name>',
    '#',
    '---',
    '- x',
    ': x',
    '&a',
    '*a',
    '!tag',
    '%YAML',
    'never',
    '2026-02-30',
    '2026-11-01',
    '1e999',
    'NaN',
    '~',
    'null',
    'true',
  ),
);

/** A YAML plain, quoted or block scalar holding `oddText`. */
const yamlScalar: fc.Arbitrary<string> = fc.oneof(
  oddText,
  oddText.map((text) => JSON.stringify(text)),
  oddText.map((text) => `'${text.replace(/'/g, "''")}'`),
  oddText.map((text) => `|\n  ${text}`),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom('true', 'false', 'null', '~', '.inf', '-.nan', '0x1F', '0o17', '2026-11-01', '2026-11-01T10:00:00Z', 'never', '3 months', '30d', 'critical', 'high', 'data', '"../../<b>"'),
);

/** A YAML value: scalars, tagged values, anchors, aliases, flow and block collections. */
const yamlValue: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    yamlScalar,
    fc.tuple(fc.constantFrom('!!js/function', '!!python/object:os.system', '!!python/object/apply:os.system', '!custom', '!!binary', '!!set', '!!omap', '!!str', '!!int', '!!map', '!<tag:yaml.org,2002:js/regexp>', '!'), yamlScalar).map(([tag, value]) => `${tag} ${value}`),
    fc.tuple(fc.constantFrom('a', 'b', 'x1'), yamlScalar).map(([name, value]) => `&${name} ${value}`),
    fc.constantFrom('a', 'b', 'x1', 'missing').map((name) => `*${name}`),
    fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
    fc.array(fc.tuple(oddText, tie('value')), { maxLength: 3 }).map((pairs) => `{${pairs.map(([key, value]) => `${JSON.stringify(key)}: ${value}`).join(', ')}}`),
    fc.array(tie('value'), { maxLength: 3 }).map((items) => items.map((item) => `\n  - ${item.replace(/\n/g, '\n    ')}`).join('')),
    fc.integer({ min: 1, max: 60 }).map((depth) => `${'['.repeat(depth)}x${']'.repeat(depth)}`),
  ),
})).value;

/** A frontmatter key: one the tool reads, a near miss, or anything. */
const yamlKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...CANONICAL_KEYS),
  fc.constantFrom('titel', 'Title', 'owner ', '1', 'null', '? [a]', '? {a: b}', '"<b>"', '__proto__', 'constructor', '<<', '*a', '&k key'),
  oddText.map((text) => JSON.stringify(text)),
);

/** A recovery list: texts and `{step, run, expect}` mappings. */
const recovery: fc.Arbitrary<string> = fc
  .array(fc.oneof(yamlScalar.map((text) => `  - ${text.replace(/\n/g, '\n    ')}`), fc.tuple(yamlScalar, yamlScalar, yamlScalar).map(([step, run, expect]) => `  - step: ${step.replace(/\n/g, '\n      ')}\n    run: ${run.replace(/\n/g, '\n      ')}\n    expect: ${expect.replace(/\n/g, '\n      ')}`)), { maxLength: 4 })
  .map((items) => `recovery:\n${items.join('\n')}`);

/** Frontmatter lines: `key: value` pairs (keys may repeat), a recovery list, comments, stray lines. */
const frontmatter: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.tuple(yamlKey, yamlValue).map(([key, value]) => `${key}: ${value}`) },
      { weight: 1, arbitrary: recovery },
      { weight: 1, arbitrary: oddText.map((text) => `# ${text}`) },
      { weight: 1, arbitrary: oddText },
    ),
    { maxLength: 12 },
  )
  .map((lines) => lines.join('\n'));

/** A plausible frontmatter that mostly passes, with values drawn from the odd ones. */
export const mostlyValidFrontmatter: fc.Arbitrary<string> = fc
  .record({ title: yamlScalar, owner: fc.constantFrom('data', '"../../<b>"', 'nobody'), severity: fc.constantFrom('critical', 'low', 'sev-1'), tested: fc.constantFrom('2026-11-01', 'never', '2020-01-01', '2026-02-30'), alerts: yamlValue, extra: frontmatter })
  .map(({ title, owner, severity, tested, alerts, extra }) => [`title: ${title}`, `owner: ${owner}`, 'service: orders', `severity: ${severity}`, `last_tested: ${tested}`, `alerts: ${alerts}`, extra].join('\n'));

const url: fc.Arbitrary<string> = fc.oneof(
  fc.webUrl(),
  fc.constantFrom('javascript:__xss(4)', 'JaVaScRiPt:__xss(5)', 'data:text/html,<script>__xss(6)</script>', 'vbscript:x', '../../etc/passwd', '/etc/passwd', 'other.md#frag', './a b.md', '<a b.md>', '#', '#Recovery', '%zz', 'file:///etc/passwd', '\\\\server\\share', 'mailto:x@example.com', 'http://[::1', '?', ''),
  oddText.map((text) => text.replace(/[\s()]/g, '')),
);

const inline: fc.Arbitrary<string> = fc.letrec<{ inline: string }>((tie) => ({
  inline: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    oddText,
    fc.tuple(tie('inline'), url).map(([text, target]) => `[${text}](${target})`),
    fc.tuple(tie('inline'), url).map(([text, target]) => `![${text}](${target})`),
    tie('inline').map((text) => `*${text}*`),
    tie('inline').map((text) => `**${text}**`),
    tie('inline').map((text) => `~~${text}~~`),
    tie('inline').map((text) => `\`${text}\``),
    fc.constantFrom('<b onclick=__xss(7)>x</b>', '<img src=x onerror=__xss(8)>', '<!-- c -->', '<span>', '</div>', '[^1]', '[ref]', 'https://example.com/auto', 'www.example.com', 'a@b.example', '&amp;', '&#0;', '&#x110000;', '\\*'),
    fc.integer({ min: 1, max: 200 }).map((depth) => `${'*'.repeat(depth)}x${'*'.repeat(depth)}`),
    fc.integer({ min: 1, max: 100 }).map((depth) => `${'['.repeat(depth)}x${'](u)'.repeat(depth)}`),
  ),
})).inline;

const headingText = fc.oneof(fc.constantFrom('Summary', 'Impact', 'Diagnosis', 'Recovery', 'Mitigation', '1. Recovery!', 'Recovery steps', ''), inline);

/** One Markdown block. */
const block: fc.Arbitrary<string> = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    inline,
    fc.tuple(fc.integer({ min: 1, max: 7 }), headingText).map(([level, text]) => `${'#'.repeat(level)} ${text}`),
    fc.tuple(headingText, fc.constantFrom('===', '---')).map(([text, line]) => `${text}\n${line}`),
    fc.array(fc.tuple(fc.constantFrom('- ', '* ', '1. ', '2) ', '- [ ] ', '- [x] '), tie('block')), { minLength: 1, maxLength: 4 }).map((items) => items.map(([marker, text]) => `${marker}${text.replace(/\n/g, '\n   ')}`).join('\n')),
    tie('block').map((text) => text.split('\n').map((line) => `> ${line}`).join('\n')),
    fc.tuple(fc.integer({ min: 1, max: 90 }), fc.constantFrom('> ', '- ', '1. ', '  ')).map(([depth, marker]) => `${marker.repeat(depth)}deep`),
    fc.array(fc.array(inline, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }).map((rows) => [`| ${(rows[0] ?? []).join(' | ')} |`, `|${(rows[0] ?? []).map(() => '---').join('|')}|`, ...rows.slice(1).map((row) => `| ${row.join(' | ')} |`)].join('\n')),
    fc.tuple(fc.constantFrom('```', '~~~', '````', '```sh', '``` `x`'), oddText, fc.boolean()).map(([fence, code, closed]) => `${fence}\n${code}${closed ? `\n${fence.slice(0, 3)}` : ''}`),
    fc.constantFrom('<div>\n\n*x*\n\n</div>', '<script>__xss(9)</script>', '<style>body{}</style>', '<pre>\n\nraw\n', '<!--\nunclosed', '<svg><script>__xss(10)</script></svg>', '<textarea>', '<?php x ?>', '<![CDATA[x]]>', '    indented code', '***', '[ref]: javascript:__xss(11)', '[ref]:\n  ../a.md "t"', '[^1]: note', '\\', '<!-- runbook: x -->'),
  ),
})).block;

/** A Markdown body: blocks separated by blank lines. */
export const markdown: fc.Arbitrary<string> = fc.array(block, { maxLength: 12 }).map((blocks) => blocks.join('\n\n'));

/** A whole file as text: maybe a frontmatter block (maybe unclosed), then a body. */
export const runbookText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('closed', 'closed', 'unclosed', 'none', 'bom'), fc.oneof(frontmatter, mostlyValidFrontmatter), markdown)
  .map(([kind, yaml, body]) => (kind === 'none' ? body : kind === 'unclosed' ? `---\n${yaml}\n${body}` : `${kind === 'bom' ? '\ufeff' : ''}---\n${yaml}\n---\n${body}`));

/** The text with its line endings replaced, line by line, by `\n`, `\r\n` or `\r`. */
export const mixedLineEndings = (text: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  text.chain((value) => {
    const lines = value.split('\n');
    return fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: lines.length, maxLength: lines.length }).map((endings) => lines.map((line, index) => `${line}${index < lines.length - 1 ? (endings[index] ?? '\n') : ''}`).join(''));
  });

/** Bytes: anything, or a runbook's UTF-8 with bytes flipped in (invalid UTF-8, NUL, stray continuation bytes). */
export const bytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }),
  fc.tuple(runbookText, fc.array(fc.tuple(fc.nat(), fc.constantFrom(0x00, 0x80, 0xbf, 0xc0, 0xc3, 0xe2, 0xed, 0xf0, 0xf8, 0xff, 0x0d, 0x0a)), { maxLength: 4 })).map(([text, flips]) => {
    const encoded = new TextEncoder().encode(text);
    for (const [at, byte] of flips) if (encoded.length > 0) encoded[at % encoded.length] = byte;
    return encoded;
  }),
);
