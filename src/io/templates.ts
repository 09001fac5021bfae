import { existsSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../model/config.js';
import { excerpt } from '../text/terminal-text.js';
import type { TemplateSet } from '../model/template-set.js';
import { filesUnder, isInside } from './discover.js';
import { repositoryOf, versionControlFolderOf } from './inside-repository.js';

/** The templates shipped with the tool (two levels above this module, in src/ and in dist/). */
export const BUILT_IN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/** A team's templates folder, and the folder its symlinks must lead into (the repository). */
export interface TemplatesOverride {
  readonly folder: string;
  readonly within: string;
}

/** The templates a config asks for: the built-in ones, overridden by its `site.templates` folder if any. */
export function configuredTemplates(config: Pick<Config, 'site' | 'source'>): TemplateSet {
  const folder = config.site.templates;
  if (folder === undefined) return loadTemplates(undefined);
  return loadTemplates({ folder, within: config.source.kind === 'file' ? repositoryOf(config.source.path).folder : folder });
}

/**
 * Reads the built-in templates, then the team's override folder when given: a file there with the
 * same name (`runbook.hbs`, `partials/status-badge.hbs`, `assets/site.css`, `cheatsheet/sheet.css`)
 * replaces the built-in one, and new partials and assets are added. Every file of the override folder
 * is published (`assets/…`), so a symlink in it is read only when it leads to a file inside `within`;
 * one leading out of it (or nowhere) stops the run, naming it. Symlinked folders are not followed.
 */
export function loadTemplates(override: TemplatesOverride | undefined): TemplateSet {
  const pages = new Map<string, string>();
  const partials = new Map<string, string>();
  const assets = new Map<string, string>();
  const cheatsheet = new Map<string, string>();
  const folders = override === undefined ? [BUILT_IN_TEMPLATES] : [BUILT_IN_TEMPLATES, override.folder];
  for (const folder of folders) {
    if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new Error(`templates folder ${folder} does not exist`);
    for (const path of templateFiles(folder, override?.within ?? folder)) {
      const name = relative(folder, path).split(sep).join('/');
      const text = readFileSync(path, 'utf8');
      if (name.startsWith('assets/')) assets.set(name.slice('assets/'.length), text);
      else if (name.startsWith('cheatsheet/')) cheatsheet.set(name.slice('cheatsheet/'.length), text);
      else if (name.startsWith('partials/') && name.endsWith('.hbs')) partials.set(basename(name, '.hbs'), text);
      else if (!name.includes('/') && name.endsWith('.hbs')) pages.set(basename(name, '.hbs'), text);
    }
  }
  return { pages, partials, assets, cheatsheet };
}

function templateFiles(folder: string, within: string): readonly string[] {
  return filesUnder(folder, {
    linkedFile: (path) => linkedFileInside(path, folder, within),
    unreadable: (current, error) => new Error(`cannot read the templates folder ${current}`, { cause: error }),
  }).toSorted();
}

/** Whether the symlink `path` is a file to read; throws when it leads out of `within` or nowhere. */
function linkedFileInside(path: string, folder: string, within: string): boolean {
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error: unknown) {
    throw new Error(`${refusal(path, folder)} leads nowhere (it dangles or loops); expected a file inside the repository`, { cause: error });
  }
  const realWithin = realpathSync(within);
  if (!isInside(real, realWithin) || versionControlFolderOf(real, realWithin) !== undefined) {
    throw new Error(`${refusal(path, folder)} leads out of the repository ${within} or into its \`.git\`; expected a file inside it, since every file of the templates folder is published`);
  }
  return statSync(real).isFile();
}

function refusal(path: string, folder: string): string {
  return `not reading the templates folder ${folder}: \`${excerpt(relative(folder, path).split(sep).join('/'))}\` is a symlink to \`${excerpt(readlinkSync(path))}\`, which`;
}
