import type { Config } from '../model/config.js';
import type { Runbook } from '../model/runbook.js';
import { claimedAlerts } from './alert-claims.js';
import { readFields } from './fields.js';
import { firstHeading } from './first-heading.js';
import { parseFrontmatter } from './frontmatter.js';
import { frontmatterBlock } from './frontmatter-block.js';

/** What finding a runbook looks at: its id, the file it is in, its title and the alerts it answers. */
export interface Findable {
  readonly id: string;
  /** The path as shown to users (relative to the working folder when inside it). */
  readonly file: string;
  readonly title: string;
  readonly alerts: readonly string[];
}

/** A runbook with what finding it looks at. */
export interface FindableRunbook extends Findable {
  readonly runbook: Runbook;
}

/** The findable view of each runbook. */
export function findablesOf(runbooks: readonly Runbook[]): readonly FindableRunbook[] {
  return runbooks.map((runbook) => ({ ...findableOf(runbook), runbook }));
}

/** The findable view of one runbook. */
export function findableOf(runbook: Runbook): Findable {
  return { id: runbook.id, file: runbook.file, title: runbook.title, alerts: runbook.alerts.map((alert) => alert.value) };
}

/**
 * The findable view of a runbook read from its frontmatter and its first H1 alone, with the same
 * readers as `parseRunbook` but without parsing the whole Markdown, so that finding one runbook among
 * thousands stays quick. The title is the frontmatter's, else the body's first H1 (see
 * {@link firstHeading}), else the id; a file without frontmatter, or whose frontmatter does not
 * parse, answers no alert of its own. Undefined when only the whole file parsed says what the
 * runbook is called.
 */
export function findableFromText(file: { readonly id: string; readonly file: string }, text: string, config: Config): Findable | undefined {
  const block = frontmatterBlock(text);
  const raw = block === undefined ? undefined : parseFrontmatter(block, text);
  // Defaults give neither the title nor the alerts: the top-level ones do as well as the file's.
  const fields = raw?.kind === 'parsed' ? readFields(raw.entries, config, config.defaults, raw.spanOfNode, raw.span) : undefined;
  const title = fields?.title.kind === 'given' ? fields.title.value : titleFromBody(text, file.id);
  if (title === undefined) return undefined;
  return { id: file.id, file: file.file, title, alerts: claimedAlerts(fields?.alerts ?? [], file.id, config).map((alert) => alert.value) };
}

function titleFromBody(text: string, id: string): string | undefined {
  const heading = firstHeading(text);
  return heading.kind === 'heading' ? heading.text : heading.kind === 'none' ? id : undefined;
}

/** Queries {@link mayAnswerAlert} can rule runbooks out for: ASCII without spaces, quotes or backslashes. */
const PLAIN_NAME = /^[\w.:/@+=~-]+$/;

/**
 * Whether the runbook whose text is `text` may answer the alert `query` (any case), judged without
 * parsing the YAML: false only when it certainly does not, so that looking up an alert needs to read
 * just the runbooks that may answer it. Sound because an alert is a scalar whose text is written out
 * in the frontmatter: YAML can only change it by folding lines (which adds whitespace), by escapes
 * (a backslash) or by a doubled quote, and a plain name has none of these.
 */
export function mayAnswerAlert(text: string, query: string): boolean {
  const wanted = query.trim();
  if (!PLAIN_NAME.test(wanted)) return true;
  const block = frontmatterBlock(text);
  if (block === undefined) return false;
  return block.value.includes('\\') || block.value.toLowerCase().includes(wanted.toLowerCase());
}
