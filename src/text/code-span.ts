/**
 * A value as one CommonMark code span whatever it holds: between backtick runs longer than any
 * inside it, padded with spaces when it starts or ends with a backtick (``` `` a`b `` ```). Messages
 * are Markdown (the site renders them), so a value quoted between single backticks that holds one
 * would end the span early and let the rest be read as Markdown. Without backticks: `` `value` ``.
 */
export function codeSpan(value: string): string {
  const longest = Math.max(0, ...Array.from(value.matchAll(/`+/g), (run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}
