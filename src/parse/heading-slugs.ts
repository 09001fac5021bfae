import GithubSlugger from 'github-slugger';

/**
 * GitHub's heading anchors, for one document: each call turns a heading's text (trimmed) into its
 * slug, numbering repeats in the order they come (`steps`, `steps-1`). The one slug rule of both the
 * headings `check` reads (for `broken-anchor`) and the ids the site gives its rendered headings.
 */
export function headingSlugs(): (text: string) => string {
  const slugger = new GithubSlugger();
  return (text) => slugger.slug(text.trim());
}
