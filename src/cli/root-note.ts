import { basename, dirname } from 'node:path';
import { mayBeRunbook } from '../adopt/detect-collection.js';
import { RULES } from '../check/registry.js';
import { markdownElsewhere } from '../io/collection-scan.js';
import { loadConfig } from '../io/config-file.js';
import { DiscoveryError, displayPath } from '../io/discover.js';
import type { Io } from '../io/io.js';
import { printable } from '../text/terminal-text.js';

/** How many files the note names at most: finding them is where the scan stops. */
const EXAMPLES = 2;

/**
 * Runs `check`'s discovery; when it finds no runbook under the config's root (no paths given) and
 * there is Markdown elsewhere, first says so on stderr with where to look and what to run (`init
 * --dry-run`), then rethrows: the note adds to the failure, it is not one of its own. A config
 * pointing at the wrong folder otherwise reads as "nothing here".
 */
export async function withRootNote<T>(discover: () => Promise<T>, paths: readonly string[], config: string | undefined, io: Io): Promise<T> {
  try {
    return await discover();
  } catch (error: unknown) {
    if (error instanceof DiscoveryError && paths.length === 0) io.stderr.write(rootNote(config, io));
    throw error;
  }
}

/** The note, or nothing when there is no other Markdown to point at. */
function rootNote(explicit: string | undefined, io: Io): string {
  const config = loadConfig(io.cwd, explicit, RULES.map((rule) => rule.id));
  const folder = config.source.kind === 'file' ? dirname(config.source.path) : io.cwd;
  const found = markdownElsewhere(folder, config.root, EXAMPLES, (path) => mayBeRunbook(basename(path)));
  if (found.length === 0) return '';
  const shown = found.map((path) => displayPath(path, io.cwd));
  return printable(
    `runbook: note: ${displayPath(config.root, io.cwd)} (the config's \`root\`) matches no runbook, but there is Markdown elsewhere, e.g. ${shown.join(', ')}${found.length === EXAMPLES ? ', …' : ''}: run \`runbook init --dry-run\` to see a config that fits`,
  ) + '\n';
}
