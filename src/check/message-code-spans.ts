/**
 * A rule's message with each value it quotes as code kept one code span, whatever the value holds.
 * Messages are Markdown (the site renders them: src/site/message-html.ts) and quote values between
 * single backticks (`` Unknown owner `${owner}` ``); a value holding a backtick would end the span
 * early and let the rest of it be read as Markdown (an owner `` x` **verified** `y `` shown bold).
 * Such a value is quoted instead as one code span ({@link codeSpan}). Every other message is the
 * format's own, unchanged. (Values the parser quotes itself, such as an invalid severity, are
 * quoted with `codeSpan` where they are written: src/parse/fields.ts.)
 */
import type { MessageParams } from '../model/diagnostic.js';
import { codeSpan } from '../text/code-span.js';

/** Stands for the value of param `n` while the format places it (private-use characters). */
const PLACEHOLDER = /(?<!`)(`?)\ue000(\d+)\ue001(`?)(?!`)/g;

export function formatMessage(format: (params: MessageParams) => string, params: MessageParams): string {
  const message = format(params);
  const quoted: string[] = [];
  const marked = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, typeof value === 'string' && value.includes('`') ? `\ue000${quoted.push(value) - 1}\ue001` : value]));
  if (quoted.length === 0) return message;
  const skeleton = format(marked);
  const fill = (asCode: (value: string) => string): string =>
    skeleton.replace(PLACEHOLDER, (_whole, open: string, index: string, close: string) => {
      const value = quoted[Number(index)] ?? '';
      return open === '`' && close === '`' ? asCode(value) : `${open}${value}${close}`;
    });
  // A format that reads a value (compares it, measures it) places something else than the value: left as it is.
  if (fill((value) => `\`${value}\``) !== message) return message;
  return fill(codeSpan);
}

