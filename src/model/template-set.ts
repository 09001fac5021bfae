/** The template files of a site: `*.hbs` pages, `partials/*.hbs`, and `assets/*` copied as they are. */
export interface TemplateSet {
  /** File name without extension → template text (`layout`, `index`, `runbook`, …). */
  readonly pages: ReadonlyMap<string, string>;
  readonly partials: ReadonlyMap<string, string>;
  /** Path under `assets/` → content. */
  readonly assets: ReadonlyMap<string, string>;
  /** File name under `cheatsheet/` → content: the printable sheet's template and stylesheet. */
  readonly cheatsheet: ReadonlyMap<string, string>;
}
