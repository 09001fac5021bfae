import { globMatcher } from '../parse/glob.js';
import type { Config } from '../model/config.js';

/** A new runbook's id, or why the text cannot be one. */
export type ParsedId = { readonly kind: 'id'; readonly id: string; readonly relativePath: string } | { readonly kind: 'invalid'; readonly reason: string };

const MARKDOWN_SUFFIX = /\.(?:md|markdown|mdown|mkd|mdx)$/i;
const SEGMENT = /^[\p{L}\p{N}_][\p{L}\p{N}_.-]*$/u;

/**
 * Parses the id of a runbook to create: folders and a name joined by `/` (`database/primary-down`),
 * each made of letters, digits, `-`, `_` and `.`, not starting with `.` or `-`. The file it names,
 * `<root>/<id>.md`, must be one `check` would find (the config's `include`, not its `exclude`), so
 * that the id given here is the id the runbook gets.
 */
export function parseRunbookId(text: string, config: Pick<Config, 'include' | 'exclude'>): ParsedId {
  const invalid = (why: string): ParsedId => ({ kind: 'invalid', reason: `invalid id \`${text}\`: ${why}` });
  if (text.trim() === '') return invalid('expected a path such as `database/primary-down`');
  if (MARKDOWN_SUFFIX.test(text)) return invalid(`give it without the extension: \`${text.replace(MARKDOWN_SUFFIX, '')}\``);
  if (text.includes('\\')) return invalid(`use \`/\` between folders: \`${text.replaceAll('\\', '/')}\``);
  if (text.startsWith('/')) return invalid('expected a path relative to the runbooks folder, not an absolute one');
  for (const segment of text.split('/')) {
    if (segment === '') return invalid('an empty folder name (`//` or a `/` at the end)');
    if (segment === '.' || segment === '..') return invalid(`\`${segment}\` is not allowed; ids are paths inside the runbooks folder`);
    if (!SEGMENT.test(segment)) {
      return invalid(`\`${segment}\` may hold only letters, digits, \`-\`, \`_\` and \`.\`, and must not start with \`.\` or \`-\``);
    }
  }
  const relativePath = `${text}.md`;
  const included = globMatcher(config.include, { dot: false })(relativePath);
  const excluded = config.exclude.length > 0 && globMatcher(config.exclude, { dot: true })(relativePath);
  if (!included || excluded) {
    const why = excluded ? `matches \`exclude\` (${config.exclude.join(', ')})` : `is not matched by \`include\` (${config.include.join(', ')})`;
    return invalid(`\`${relativePath}\` ${why} in the config, so \`check\` would not find it`);
  }
  return { kind: 'id', id: text, relativePath };
}

/** The form two ids are compared in: ids differing only in case or Unicode form clash (`duplicate-id`). */
export function idKey(id: string): string {
  return id.normalize('NFC').toLowerCase();
}
