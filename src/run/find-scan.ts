/**
 * `show`'s mode of the pipeline: discover → read, then only the frontmatter of each file (what
 * finding a runbook looks at), so a lookup stays instant on large collections. The one runbook
 * found is then run through the whole pipeline (`loadProject` with its path).
 */
import type { Config } from '../model/config.js';
import type { FoundFile, ProjectInputs } from '../model/sources.js';
import { decodeSource } from '../parse/decode.js';
import { findableFromText, findableOf, type Findable } from '../parse/findable.js';
import { parseFound, readInputs } from './project.js';
import type { RunRequest, RunShell } from './shell.js';

/** A runbook file found on disk and its text. */
export interface SourceText extends FoundFile {
  readonly text: string;
}

/** A runbook found on disk, with what finding it looks at. */
export interface FindableFile extends Findable {
  readonly path: string;
}

/**
 * Every found file's text; files that cannot be read or are not UTF-8 text are left out (they are
 * no runbooks to show; `runbook check` says why).
 */
export async function scanSources(request: RunRequest, shell: RunShell): Promise<{ readonly inputs: ProjectInputs; readonly sources: readonly SourceText[] }> {
  const inputs = await readInputs(request, shell);
  const sources = shell.readAll(inputs).flatMap((source): SourceText[] => {
    if (source.kind === 'unreadable') return [];
    const decoded = decodeSource(source.bytes);
    return decoded.kind === 'text' ? [{ ...source.found, text: decoded.text }] : [];
  });
  return { inputs, sources };
}

/**
 * What finding looks at in each file: read from its frontmatter and first H1 when they say it all,
 * else from the whole file parsed as `runbook check` parses it (left out when that gives no runbook).
 */
export async function findablesIn(sources: readonly SourceText[], config: Config, shell: RunShell): Promise<readonly FindableFile[]> {
  const quick = sources.map((source) => frontmatterFindable(source, config));
  const unsaid = sources.filter((_source, index) => quick[index] === undefined);
  // Only the files whose frontmatter does not say it all are parsed (and the parser loaded).
  const parsed = unsaid.length === 0 ? [] : await parseFound(unsaid, config, shell);
  let next = 0;
  return sources.flatMap((source, index): FindableFile[] => {
    const findable = quick[index];
    if (findable !== undefined) return [{ ...findable, path: source.path }];
    const read = parsed[next++];
    return read?.kind === 'runbook' ? [{ ...findableOf(read.runbook), path: source.path }] : [];
  });
}

function frontmatterFindable(source: SourceText, config: Config): Findable | undefined {
  try {
    return findableFromText(source, source.text, config);
  } catch {
    // A bug in the quick read: the full parse meets it again and turns it into a result on the
    // file, as `check` does, so nothing is lost by falling back to it.
    return undefined;
  }
}
