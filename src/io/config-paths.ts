/**
 * The paths a config names must lead inside its repository. The config comes with the repository,
 * which may be a hostile pull request: `site.templates: /home/me/.ssh` would otherwise copy a private
 * key into a published site (every file of the templates folder becomes `assets/…`), and `root: /etc`
 * or `new.template: ../../secret` would read files from anywhere. Paths typed on the command line
 * (`--config`, `check <paths>`) are the user's choice and are not checked here.
 */
import { dirname, relative, sep } from 'node:path';
import type { Config } from '../model/config.js';
import { ConfigError } from '../parse/config.js';
import { writtenValueAt } from '../parse/config-locations.js';
import { excerpt } from '../text/terminal-text.js';
import { displayPath } from './discover.js';
import { containmentOf, repositoryOf, repositoryPhrase, type Containment, type Repository } from './inside-repository.js';

/** A config key whose value is a path the run reads. */
interface PathKey {
  readonly keys: readonly string[];
  readonly path: (config: Config) => string | undefined;
  /** What the path must be, for the message: ``a folder of templates``. */
  readonly expected: string;
}

/**
 * Every config key naming a path. `include` and `exclude` are globs matched against paths found
 * under `root`, so they cannot lead elsewhere; `alerts.rules` globs are checked where the rule files
 * are read (src/io/alert-rule-files.ts).
 */
const PATH_KEYS: readonly PathKey[] = [
  { keys: ['root'], path: (config) => config.root, expected: 'the runbooks folder' },
  { keys: ['site', 'templates'], path: (config) => config.site.templates, expected: 'a folder of templates' },
  { keys: ['new', 'template'], path: (config) => config.newRunbook.template, expected: 'a template file' },
  { keys: ['baseline', 'file'], path: (config) => config.baseline.file, expected: 'the baseline file' },
  // `drill` writes records there, `check` reads every Markdown file under it and the site shows them.
  { keys: ['drills', 'folder'], path: (config) => config.drills.folder, expected: 'the drill records folder' },
];

/** How the config file is shown (`label`) and what paths are shown relative to. */
export interface ConfigPathContext {
  readonly text: string;
  readonly label: string;
  readonly cwd: string;
}

/**
 * Throws {@link ConfigError} (exit 2) when a path the config names leads outside its repository (see
 * {@link repositoryOf}), as written or through a symlink, naming each key, its value and where it is
 * written. A config that is not a file (the defaults) names no path.
 */
export function checkConfigPaths(config: Config, context: ConfigPathContext): void {
  const source = config.source;
  if (source.kind !== 'file') return;
  const repository = repositoryOf(source.path);
  const problems = PATH_KEYS.flatMap((key) => {
    const path = key.path(config);
    return path === undefined ? [] : problemsOf(key, path, { ...context, repository, tilde: startsWithTilde(source.path, path) });
  });
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
}

/** Whether `path`, relative to the config file's folder, starts with a folder named `~` (`~/.ssh` written for the home folder). */
function startsWithTilde(configFile: string, path: string): boolean {
  return relative(dirname(configFile), path).split(sep)[0] === '~';
}

function problemsOf(key: PathKey, path: string, context: ConfigPathContext & { readonly repository: Repository; readonly tilde: boolean }): readonly string[] {
  const containment = context.tilde ? undefined : containmentIfAny(path, context.repository);
  if (containment?.kind === 'inside') return [];
  // Only a path with a problem is looked up in the config's text (a YAML parse) for the message.
  const show = (shown: string): string => excerpt(displayPath(shown, context.cwd));
  const written = writtenValueAt(context.text, key.keys);
  const where = written === undefined ? context.label : `${context.label}:${written.line}:${written.column}`;
  const stated = `\`${key.keys.join('.')}\` is \`${written === undefined ? show(path) : excerpt(written.value)}\``;
  const inside = repositoryPhrase(context.repository, show(context.repository.folder));
  if (containment === undefined) {
    return [`${where}: ${stated}, but \`~\` is not expanded (paths are relative to the config file); expected ${key.expected} inside ${inside}`];
  }
  if (containment.kind === 'unresolvable') {
    return [`${where}: ${stated}, which cannot be looked at (${containment.code}); expected ${key.expected} inside ${inside}`];
  }
  if (containment.kind === 'outside') return [`${where}: ${stated}, outside ${inside}; expected ${key.expected} inside it, written relative to the config file`];
  if (containment.kind === 'version-control') {
    return [`${where}: ${stated}, which is inside \`${show(containment.folder)}\`, version control's own folder (in CI it holds the checkout's token); expected ${key.expected} inside ${inside}, outside it`];
  }
  const { link } = containment;
  const leads = link.real === undefined ? 'leading nowhere (it dangles or loops)' : `leading to \`${show(link.real)}\``;
  return [
    `${where}: ${stated}, which leads out of ${inside}: \`${show(link.link)}\` is a symlink to \`${excerpt(link.target)}\`, ${leads}; ` +
      `expected ${key.expected} inside the repository, with no symlink on the way leading out of it`,
  ];
}

/**
 * {@link containmentOf}, or the error code when the path cannot be looked at (a name too long, a NUL
 * byte, no permission): then the message quotes an excerpt of the value, never the whole path.
 */
function containmentIfAny(path: string, repository: Repository): Containment | { readonly kind: 'unresolvable'; readonly code: string } {
  try {
    return containmentOf(path, repository);
  } catch (error: unknown) {
    return { kind: 'unresolvable', code: errorCode(error) };
  }
}

/** The `code` of an error or of its cause (`ENAMETOOLONG`, `ERR_INVALID_ARG_VALUE`). */
function errorCode(error: unknown): string {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return error instanceof Error ? excerpt(error.message) : 'unknown error';
}
