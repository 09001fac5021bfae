import type { DefaultableKey } from './config.js';
import type { RuleSetting } from './diagnostic.js';

/**
 * The settings that apply to one runbook file: the config's top-level `rules`, `defaults` and
 * `sections.required`, with every matching entry of its `overrides` laid over them in order (later
 * entries win). Made once per runbook by `settingsFor` (src/parse/file-settings.ts) and kept in the
 * runbook, so that the rules and the runner read one value instead of looking the config up.
 * Plain data (no Map): parsed runbooks are cached as JSON.
 */
export interface FileSettings {
  /** Rule id → the setting written for it; a rule not named here has its default severity. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Values for fields the runbook leaves out (or for every field when it has no frontmatter). */
  readonly defaults: Readonly<Partial<Record<DefaultableKey, string>>>;
  /** Canonical section names the runbook must have. */
  readonly requiredSections: readonly string[];
}

/** The setting of rule `id` in `settings`, its `defaultSetting` when they do not name it. */
export function ruleSettingIn(settings: FileSettings, id: string, defaultSetting: RuleSetting): RuleSetting {
  return Object.hasOwn(settings.rules, id) ? (settings.rules[id] ?? defaultSetting) : defaultSetting;
}
