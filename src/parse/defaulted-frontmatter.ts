import type { Config, DefaultableKey } from '../model/config.js';
import { FILE_START } from '../model/diagnostic.js';
import type { FileSettings } from '../model/file-settings.js';
import type { Frontmatter } from '../model/runbook.js';
import { readFields, type Fields } from './fields.js';

const DEFAULTABLE_KEYS: readonly DefaultableKey[] = ['owner', 'service', 'severity', 'review_every'];

/**
 * A file with no frontmatter block (GitLab's runbooks, most wikis) whose settings give `defaults`:
 * the defaults stand in for the block, read and checked as if written at the top of the file, so
 * the runbook has an owner, a service and a severity. Undefined when the settings give no defaults
 * (the file then has no fields at all, as before). What is still missing (`title` unless the
 * defaults could give it, always `last_tested`) stays in the frontmatter's problems for
 * `frontmatter-missing` to say.
 */
export function defaultedFrontmatter(config: Config, defaults: FileSettings['defaults']): { readonly fields: Fields; readonly frontmatter: Frontmatter } | undefined {
  const given = DEFAULTABLE_KEYS.filter((key) => defaults[key] !== undefined);
  if (given.length === 0) return undefined;
  const fields = readFields([], config, defaults, () => FILE_START, FILE_START);
  return { fields, frontmatter: { kind: 'defaulted', given: given.map((key) => config.fields[key]), problems: fields.problems } };
}
