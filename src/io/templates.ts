import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TemplateSet } from '../site/templates.js';

/** The templates shipped with the tool (two levels above this module, in src/ and in dist/). */
export const BUILT_IN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/**
 * Reads the built-in templates, then the team's override folder when given: a file there with the
 * same name (`runbook.hbs`, `partials/status-badge.hbs`, `assets/site.css`, `cheatsheet/sheet.css`)
 * replaces the built-in one, and new partials and assets are added.
 */
export function loadTemplates(override: string | undefined): TemplateSet {
  const pages = new Map<string, string>();
  const partials = new Map<string, string>();
  const assets = new Map<string, string>();
  const cheatsheet = new Map<string, string>();
  for (const folder of override === undefined ? [BUILT_IN_TEMPLATES] : [BUILT_IN_TEMPLATES, override]) {
    if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new Error(`templates folder ${folder} does not exist`);
    for (const path of filesUnder(folder)) {
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

function filesUnder(folder: string): readonly string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
