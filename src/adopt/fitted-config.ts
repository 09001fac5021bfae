/**
 * The config `runbook init` writes for a collection it found (src/adopt/detect-collection.ts): YAML
 * with a comment above each key saying why it is there, from what the files actually use; and the
 * report of what was found. Keys the collection gives no reason for are left out (their defaults
 * hold; `runbook schema config` and docs/format.md list them all).
 */
import { plural } from '../text/plural.js';
import { printable } from '../text/terminal-text.js';
import type { Collection } from './detect-collection.js';
import type { Count } from './detect-markdown-facts.js';

/** What the config is written with besides the collection. */
export interface FitOptions {
  /** This tool's version, named in the header. */
  readonly version: string;
  /** The site's absolute URL (`--base-url`), when given. */
  readonly baseUrl: string | undefined;
}

/** Fields a config may default, when most runbooks leave them out. */
const DEFAULTED = ['owner', 'service', 'severity'] as const;
/** A default stands in for a field when fewer than this share of the runbooks give it. */
const DEFAULT_SHARE = 0.5;
/** The default written for `owner` and `service`: says plainly that nobody was named. */
const UNASSIGNED = 'unassigned';
/** The default severity: the middle of the built-in levels, reviewed every 6 months. */
const DEFAULT_SEVERITY = 'medium';

/** The text of `runbook.config.yaml` for `collection`. */
export function fittedConfig(collection: Collection, options: FitOptions): string {
  const count = collection.runbooks.length;
  const blocks: string[] = [
    comment(
      `runbook.config.yaml: the configuration of \`runbook\` (https://www.npmjs.com/package/runbook), written by \`runbook init\` (runbook ${options.version}) to fit the runbooks already in this repository. Each key below is there because of what init found in them, as its comment says; keys left out keep their defaults (docs/format.md of the package lists every key; \`runbook schema config\` prints a JSON Schema for editors). Paths are relative to this file.`,
    ),
    `${comment(`The runbooks: ${plural(count, 'file')} under ${collection.root === '.' ? 'this folder' : `${collection.root}/`} (${collection.rootReason}). A runbook's id is its path under this folder without the extension.`)}\nroot: ${scalar(collection.root)}`,
    `${comment('Which files under `root` are runbooks (the extensions they have).')}\ninclude: ${list(collection.include)}`,
  ];
  if (collection.exclude.length > 0) {
    blocks.push(`${comment(`Not runbooks: READMEs and index pages list other pages rather than say what to do (${plural(collection.excluded.length, 'file')}).`)}\nexclude: ${list(collection.exclude)}`);
  }
  if (collection.fields.mappings.length > 0) {
    const lines = collection.fields.mappings.flatMap((mapping) => [
      ...(mapping.note === undefined ? [] : [comment(`${mapping.theirs} is ${mapping.note}.`, '  ')]),
      `  ${mapping.ours}: ${scalar(mapping.theirs)}  # in ${String(mapping.files)} of ${String(count)}`,
    ]);
    blocks.push(`${comment('Keys your runbooks use for what this tool reads: this tool\'s key -> yours.')}\nfields:\n${lines.join('\n')}`);
  }
  if (collection.fields.extraKeys.length > 0) {
    blocks.push(
      `${comment(`Other keys your runbooks use, which this tool does not read: accepted without an \`unknown-key\` warning (${usage(collection.keys.filter((key) => collection.fields.extraKeys.includes(key.name)))}).`)}\nextra_keys: ${list(collection.fields.extraKeys)}`,
    );
  }
  const defaulted = DEFAULTED.filter((key) => collection.fields.given[key] < count * DEFAULT_SHARE);
  if (defaulted.length > 0) {
    const values = defaulted.map((key) => `  ${key}: ${key === 'severity' ? DEFAULT_SEVERITY : UNASSIGNED}  # given in ${String(collection.fields.given[key])} of ${String(count)}`);
    blocks.push(
      `${comment(`Most runbooks do not say their ${defaulted.join(', ')}: these values stand in until they do (a runbook's own value wins). Replace \`${UNASSIGNED}\` with the team and service that answer for them; \`${DEFAULT_SEVERITY}\` is reviewed every 6 months.`)}\ndefaults:\n${values.join('\n')}`,
    );
  }
  if (collection.fields.given.last_tested < count) {
    blocks.push(
      comment(
        `${String(count - collection.fields.given.last_tested)} of ${String(count)} runbooks do not say when their steps were last exercised (\`last_tested\`), and no default can: \`check\` reports each (required-field) until a drill records it (\`runbook tested <id>\`). That is adoption debt, not noise: \`runbook baseline\` records today's findings so that CI fails only on new ones.`,
      ),
    );
  }
  blocks.push(sectionsBlock(collection));
  if (collection.alertNamed.fromFileName || collection.ruleFiles.length > 0) blocks.push(alertsBlock(collection));
  blocks.push(siteBlock(options.baseUrl));
  const rules = rulesBlock(collection);
  if (rules !== undefined) blocks.push(rules);
  return `${blocks.join('\n\n')}\n`;
}

function sectionsBlock(collection: Collection): string {
  const count = collection.runbooks.length;
  const present = collection.sections.present.map((section) => `${section.name} ${String(section.files)}`).join(', ');
  const required =
    collection.sections.required.length > 0
      ? comment(`Sections at least 80% of your runbooks have (of ${String(count)}: ${present}); a runbook without one is reported.`, '  ')
      : comment(`No section is in most of your runbooks (of ${String(count)}: ${present}), so none is required; add them here as the runbooks get them.`, '  ');
  const lines = [required, `  required: ${list(collection.sections.required)}`];
  if (collection.sections.aliases.length > 0) {
    const headings = collection.sections.aliases.flatMap((entry) => entry.headings.map((heading) => [heading, entry.section] as const));
    const counts = headings.map(([heading]) => `"${heading}" ${String(collection.headings.find((counted) => counted.name === heading)?.files ?? 0)}`).join(', ');
    lines.push(
      comment(`Your headings that mean these sections, each used by at least a tenth of the runbooks (${counts}); Meaning, Mitigation and the like are built in.`, '  '),
      '  aliases:',
      ...collection.sections.aliases.map((entry) => `    ${entry.section}: ${list(entry.headings)}`),
    );
  }
  return `${comment('The sections of a runbook (headings of any level).')}\nsections:\n${lines.join('\n')}`;
}

function alertsBlock(collection: Collection): string {
  const lines: string[] = [];
  if (collection.alertNamed.fromFileName) {
    lines.push(
      comment(`Your runbooks are named after the alert they answer (${String(collection.alertNamed.files)} of ${String(collection.runbooks.length)}, e.g. ${alertExample(collection)}).`, '  '),
      '  from_file_name: true',
    );
  }
  if (collection.ruleFiles.length > 0) {
    lines.push(comment('Prometheus rule files found in this repository: `check` reports alerts without a runbook.', '  '), `  rules: ${list(collection.ruleFiles)}`);
  }
  return `${comment('Prometheus alerts and the runbooks that answer them (docs/coverage.md).')}\nalerts:\n${lines.join('\n')}`;
}

function alertExample(collection: Collection): string {
  const first = collection.runbooks.find((file) => /^[A-Za-z][A-Za-z0-9]*\./.test(file.path.slice(file.path.lastIndexOf('/') + 1)));
  return first === undefined ? 'KubePodCrashLooping.md' : first.path.slice(first.path.lastIndexOf('/') + 1);
}

function siteBlock(baseUrl: string | undefined): string {
  const url =
    baseUrl === undefined
      ? `${comment('Absolute URL the site is served from, for links that work on paper and elsewhere (`runbook init --base-url URL`).', '  ')}\n  # base_url: https://runbooks.example.com/`
      : `${comment('Absolute URL the site is served from (given to init with --base-url).', '  ')}\n  base_url: ${scalar(baseUrl)}`;
  return `${comment('The on-call site built by `runbook build`.')}\nsite:\n  title: Runbooks\n${url}`;
}

/** Rules that cannot hold for the collection as written: warnings, said why, rather than off. */
function rulesBlock(collection: Collection): string | undefined {
  const count = collection.runbooks.length;
  const lines: string[] = [];
  if (collection.withFrontmatter < count * DEFAULT_SHARE) {
    lines.push(
      comment(`Only ${String(collection.withFrontmatter)} of ${String(count)} runbooks have frontmatter: a warning, not an error, until they do.`, '  '),
      '  frontmatter-missing: warning',
    );
  }
  if (collection.sections.numberedRecovery < count * DEFAULT_SHARE) {
    lines.push(
      comment(
        `Only ${String(collection.sections.numberedRecovery)} of ${String(count)} runbooks number their recovery steps (a numbered list under a recovery heading such as Mitigation, or \`recovery:\` in the frontmatter): a warning, not an error, until they do.`,
        '  ',
      ),
      '  no-recovery-steps: warning',
    );
  }
  return lines.length === 0 ? undefined : `${comment('Per-rule severity (error, warning, info or off); `runbook check --help` lists every rule.')}\nrules:\n${lines.join('\n')}`;
}

/** What init found and why, printed before the files it writes. */
export function collectionReport(collection: Collection): string {
  const count = collection.runbooks.length;
  const lines = [
    `Found ${plural(count, 'runbook')} in ${collection.root === '.' ? 'this folder' : `${printable(collection.root)}/`} (${printable(collection.rootReason)}).`,
    ...(collection.excluded.length > 0 ? [`  left out: ${plural(collection.excluded.length, 'README and index page')} (${examples(collection.excluded)})`] : []),
    ...(collection.outside.length > 0 ? [`  outside the root: ${plural(collection.outside.length, 'Markdown file')} (${examples(collection.outside)})`] : []),
    `  frontmatter: ${String(collection.withFrontmatter)} of ${String(count)}${collection.keys.length > 0 ? `; keys: ${usage(collection.keys.slice(0, 12))}` : ''}`,
    `  headings: ${collection.headings.length > 0 ? usage(collection.headings.slice(0, 12)) : 'none below the title'}`,
    `  sections: ${collection.sections.present.map((section) => `${section.name} ${String(section.files)}`).join(', ')}; required: ${collection.sections.required.join(', ') || 'none'}`,
    ...collection.fields.mappings.map((mapping) => `  mapped: ${mapping.ours} <- ${mapping.theirs} (${String(mapping.files)} files)${mapping.note === undefined ? '' : `: ${mapping.note}`}`),
    ...(collection.alertNamed.fromFileName ? [`  alerts: from file names (${String(collection.alertNamed.files)} of ${String(count)} named like alerts)`] : []),
    ...(collection.ruleFiles.length > 0 ? [`  alert rules: ${examples(collection.ruleFiles)}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}

function usage(counts: readonly Count[]): string {
  return counts.map((counted) => `${counted.name} ${String(counted.files)}`).join(', ');
}

/** Up to three of `paths`, each on one line as {@link printable} makes it (a file name may hold a line break). */
function examples(paths: readonly string[]): string {
  return `${paths.slice(0, 3).map(printable).join(', ')}${paths.length > 3 ? ', …' : ''}`;
}

/** `text` as `#` comment lines of at most about 100 characters, each starting with `indent`. */
function comment(text: string, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && indent.length + 2 + line.length + 1 + word.length > 100) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.map((text) => `${indent}# ${printable(text)}`).join('\n');
}

/** A YAML flow list of `values`, each a scalar. */
function list(values: readonly string[]): string {
  return `[${values.map(scalar).join(', ')}]`;
}

/** `value` as a YAML scalar: plain when it is a simple word, else double-quoted (JSON's quoting is YAML's). */
function scalar(value: string): string {
  return /^[A-Za-z][\w-]*$/.test(value) && !/^(?:true|false|null|yes|no|on|off|y|n)$/i.test(value) ? value : JSON.stringify(value);
}
