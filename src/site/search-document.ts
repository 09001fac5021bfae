/**
 * The input of the site search: what the search knows about one runbook, and the file type the
 * site generator writes.
 */

/** What the search knows about one runbook. `url` is relative to the site root, e.g. `runbooks/database/primary-down/index.html`. */
export interface SearchDocument {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly alerts: readonly string[];
  readonly service: string | undefined;
  readonly owner: string | undefined;
  readonly severity: string | undefined;
  readonly status: string;
  readonly tags: readonly string[];
  readonly headings: readonly string[];
  /** The body as plain text. */
  readonly text: string;
}

/** A file of the generated site: path relative to the site root (with `/`), and its content. */
export interface SiteFile {
  readonly path: string;
  readonly content: string;
}
