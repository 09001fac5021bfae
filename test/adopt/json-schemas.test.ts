import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CALENDAR_DATE_PATTERN, configJsonSchema, drillJsonSchema, frontmatterJsonSchema, schemaText, type JsonSchema } from '../../src/adopt/json-schemas.js';
import { RULES } from '../../src/check/registry.js';
import { loadConfig } from '../../src/io/config-file.js';
import { loadProject } from '../load-project.js';
import { parseCalendarDate } from '../../src/model/calendar-date.js';
import { DURATION_PATTERN, parseDuration } from '../../src/model/duration.js';
import type { Runbook } from '../../src/model/runbook.js';
import { formatDrillRecord } from '../../src/oncall/drill-record-text.js';
import { drillStep, SAMPLE_DRILL } from '../drill-record-sample.js';
import { PROJECT_ROOT } from '../shared.js';

const RULE_IDS = RULES.map((rule) => rule.id);

function compile(schema: JsonSchema): ValidateFunction {
  // `format: uri` (site.base_url) is left to editors; the tool itself checks it with zod.
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, validateFormats: false });
  return ajv.compile(schema);
}

/** The frontmatter of a Markdown file as YAML data (core schema, like the tool), or undefined. */
function frontmatterOf(text: string): unknown {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  return match === null ? undefined : parseYaml(match[1] ?? '', { schema: 'core', uniqueKeys: false });
}

function markdownFilesUnder(folder: string): readonly string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

describe('the shipped schemas (schemas/*.schema.json)', () => {
  it.each([
    ['frontmatter', schemaText(frontmatterJsonSchema())],
    ['config', schemaText(configJsonSchema(RULE_IDS))],
    ['drill', schemaText(drillJsonSchema())],
  ])('schemas/%s.schema.json is what the generator makes (UPDATE_SCHEMAS=1 rewrites it)', (name, generated) => {
    const file = join(PROJECT_ROOT, 'schemas', `${name}.schema.json`);
    if (process.env.UPDATE_SCHEMAS === '1') writeFileSync(file, generated);
    if (!existsSync(file)) throw new Error(`${file} is missing: run with UPDATE_SCHEMAS=1`);
    expect(readFileSync(file, 'utf8'), `${file} is out of date: run UPDATE_SCHEMAS=1 npx vitest run test/adopt/json-schemas.test.ts`).toBe(generated);
  });

  it('all are draft-07 schemas ajv compiles in strict mode', () => {
    for (const schema of [frontmatterJsonSchema(), configJsonSchema(RULE_IDS), drillJsonSchema()]) {
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(() => compile(schema)).not.toThrow();
    }
  });
});

describe('the frontmatter schema', () => {
  const general = compile(frontmatterJsonSchema());
  const project = compile(frontmatterJsonSchema(loadConfig(PROJECT_ROOT, undefined, RULE_IDS)));
  const examples = markdownFilesUnder(join(PROJECT_ROOT, 'runbooks'));

  it('accepts every example runbook in runbooks/, general and tailored to runbook.config.yaml', () => {
    expect(examples.length).toBeGreaterThan(5);
    for (const file of examples) {
      const data = frontmatterOf(readFileSync(file, 'utf8'));
      expect(general(data), `${file}: ${JSON.stringify(general.errors)}`).toBe(true);
      expect(project(data), `${file}: ${JSON.stringify(project.errors)}`).toBe(true);
    }
  });

  const valid = {
    title: 'Disk full',
    owner: 'platform',
    service: 'k8s-nodes',
    severity: 'low',
    last_tested: 'never',
    alerts: 'DiskFull',
    recovery: ['Cordon the node', { step: 'Drain it', run: 'kubectl drain node-1' }],
    escalation: [{ name: 'Platform on-call', via: 'pager', target: 'platform-primary' }],
    links: { Dashboard: 'https://grafana.example.com/d/nodes' },
    review_every: '6 months',
  };

  it('accepts a complete frontmatter', () => {
    expect(general(valid), JSON.stringify(general.errors)).toBe(true);
  });

  it.each([
    ['a missing owner', { ...valid, owner: undefined }],
    ['an impossible date', { ...valid, last_tested: '2026-02-30' }],
    ['a date with a time', { ...valid, last_tested: '2026-02-03T10:00:00Z' }],
    ['a misspelt key', { ...valid, last_tsted: '2026-01-01' }],
    ['a zero duration', { ...valid, review_every: '0d' }],
    ['an unknown unit', { ...valid, review_every: '6 fortnights' }],
    ['a step without `step`', { ...valid, recovery: [{ run: 'ls' }] }],
    ['an incomplete contact', { ...valid, escalation: [{ name: 'x', via: 'pager' }] }],
    ['a relative link', { ...valid, links: { Dashboard: '/d/nodes' } }],
    ['an empty title', { ...valid, title: '  ' }],
    ['a list as severity', { ...valid, severity: ['low'] }],
  ])('rejects %s', (_name, data) => {
    const cleaned = JSON.parse(JSON.stringify(data)) as unknown;
    expect(general(cleaned)).toBe(false);
  });

  it('tailored to a config, rejects an owner that is not a team and a severity that is not configured', () => {
    expect(project(valid), JSON.stringify(project.errors)).toBe(true);
    expect(project({ ...valid, owner: 'platfrom' })).toBe(false);
    expect(project({ ...valid, severity: 'sev-1' })).toBe(false);
  });

  it('agrees with the parser on every runbook of the check scenarios (test/fixtures/check)', async () => {
    const fixtures = join(PROJECT_ROOT, 'test', 'fixtures', 'check');
    let compared = 0;
    let rejected = 0;
    for (const name of readdirSync(fixtures).sort()) {
      const folder = join(fixtures, name);
      if (BROKEN_CONFIGS.has(name)) continue; // a scenario about a broken config: nothing to compare
      const config = loadConfig(folder, undefined, RULE_IDS);
      const validate = compile(frontmatterJsonSchema(config));
      const loaded = await loadProject({ cwd: folder, paths: [], config: undefined, today: { year: 2026, month: 11, day: 27 }, git: false });
      for (const runbook of loaded.runbooks) {
        const verdict = parserVerdict(runbook, config.teams.kind === 'listed' ? config.teams.byId : undefined);
        if (verdict === 'skip') continue;
        const data = frontmatterOf(readFileSync(runbook.path, 'utf8'));
        expect(validate(data), `${name}/${runbook.id}: the parser says ${verdict}; schema errors ${JSON.stringify(validate.errors)}`).toBe(verdict === 'valid');
        compared++;
        if (verdict === 'invalid') rejected++;
      }
    }
    expect(compared).toBeGreaterThan(20);
    expect(rejected).toBeGreaterThan(5);
  });
});

/** The check scenarios about a config the tool refuses (exit 2). */
const BROKEN_CONFIGS = new Set(['unknown-rule-in-config', 'per-folder-bad-glob', 'per-folder-unknown-rule']);

/** What the parser thinks of a runbook's frontmatter; `skip` for what a JSON Schema cannot see (YAML syntax, duplicate keys, aliases). */
function parserVerdict(runbook: Runbook, teams: ReadonlyMap<string, unknown> | undefined): 'valid' | 'invalid' | 'skip' {
  if (runbook.frontmatter.kind !== 'parsed') return 'skip';
  const problems = runbook.frontmatter.problems;
  if (problems.some((problem) => problem.kind === 'duplicate-key' || problem.kind === 'cut-by-comment')) return 'skip';
  if (problems.some((problem) => problem.kind === 'invalid-value' && problem.actual.includes('alias'))) return 'skip';
  const unknownOwner = teams !== undefined && runbook.owner.kind === 'given' && !teams.has(runbook.owner.value);
  return problems.length > 0 || unknownOwner ? 'invalid' : 'valid';
}

describe('the config schema', () => {
  const validate = compile(configJsonSchema(RULE_IDS));

  it('accepts runbook.config.yaml and every scenario config the tool accepts', () => {
    const files = [join(PROJECT_ROOT, 'runbook.config.yaml')];
    const fixtures = join(PROJECT_ROOT, 'test', 'fixtures', 'check');
    for (const name of readdirSync(fixtures).sort()) {
      const file = join(fixtures, name, 'runbook.config.yaml');
      if (!BROKEN_CONFIGS.has(name) && existsSync(file)) files.push(file);
    }
    for (const file of files) {
      const data: unknown = parseYaml(readFileSync(file, 'utf8'), { schema: 'core' }) ?? {};
      expect(validate(data), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it.each([
    ['an unknown key', { roots: 'runbooks' }],
    ['a bad duration', { due_soon: 'two weeks' }],
    ['a bad rule setting', { rules: { stale: 'fatal' } }],
    ['an unknown rule', { rules: { stael: 'off' } }],
    ['a severity without an interval', { severities: [{ id: 'critical' }] }],
    ['a contact without a target', { teams: { data: { escalation: [{ name: 'x', via: 'pager' }] } } }],
    ['an unknown field mapping', { fields: { last_tsted: 'reviewed' } }],
  ])('rejects %s', (_name, data) => {
    expect(validate(data)).toBe(false);
  });
});

describe('the patterns the schemas share with the parser', () => {
  const units = ['d', 'day', 'days', 'w', 'week', 'weeks', 'm', 'mo', 'month', 'months', 'y', 'year', 'years', 'h', 'min', 'dy', 'ms', 'Days', 'MONTHS'];
  const durationText = fc.oneof(
    fc.tuple(fc.constantFrom('', ' ', '  '), fc.integer({ min: 0, max: 99999 }).map(String), fc.constantFrom('', ' ', '\t'), fc.constantFrom(...units), fc.constantFrom('', ' '))
      .map((parts) => parts.join('')),
    fc.string(),
  );

  it('DURATION_PATTERN accepts exactly what parseDuration accepts', () => {
    const pattern = new RegExp(DURATION_PATTERN, 'u');
    fc.assert(fc.property(durationText, (text) => pattern.test(text) === (parseDuration(text) !== undefined)), { numRuns: 2000 });
  });

  it('CALENDAR_DATE_PATTERN accepts exactly the days parseCalendarDate accepts', () => {
    const pattern = new RegExp(`^${CALENDAR_DATE_PATTERN}$`, 'u');
    const pad = (value: number, width: number): string => String(value).padStart(width, '0');
    const dateText = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([year, month, day]) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
    fc.assert(fc.property(dateText, (text) => pattern.test(text) === (parseCalendarDate(text) !== undefined)), { numRuns: 5000 });
    for (const text of ['2000-02-29', '1900-02-29', '2024-02-29', '2026-02-29', '2026-04-31', '2026-12-31']) {
      expect(pattern.test(text), text).toBe(parseCalendarDate(text) !== undefined);
    }
  });
});

describe('the drill record schema', () => {
  const valid = compile(drillJsonSchema());
  const written = frontmatterOf(formatDrillRecord({ ...SAMPLE_DRILL, steps: [drillStep(1, { note: 'yes: 0x1F', exitCode: 0 }), drillStep(2, { status: 'skipped' })] })) as Record<string, unknown>;

  it('accepts a record as `runbook drill` writes it', () => {
    expect(valid(written), JSON.stringify(valid.errors)).toBe(true);
  });

  it('refuses what the reader refuses: an impossible day, an unknown key, a time to recover only a recovered drill has', () => {
    expect(valid({ ...written, started: '2026-02-29T10:00:00Z' })).toBe(false);
    expect(valid({ ...written, outcom: 'recovered' })).toBe(false);
    expect(valid({ ...written, outcome: 'failed' })).toBe(false);
    const withoutTime = Object.fromEntries(Object.entries(written).filter(([key]) => key !== 'time_to_recover_seconds'));
    expect(valid(withoutTime)).toBe(false);
    expect(valid({ ...withoutTime, outcome: 'aborted' })).toBe(true);
  });
});
