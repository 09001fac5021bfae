/**
 * The words of a title, an alert name or an id, as the `show` search compares them: lower case, split
 * at punctuation and at camelCase and letter→digit boundaries, so that `PostgresPrimaryDown`,
 * `postgres-primary-down` and "Postgres primary down" all give `postgres`, `primary`, `down`.
 */
export function wordsOf(text: string): readonly string[] {
  return text
    .normalize('NFKC')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{Ll})(\p{Nd})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** Text as compared whole: lower case, runs of anything but letters and digits as one space. */
export function normalised(text: string): string {
  return wordsOf(text).join(' ');
}
