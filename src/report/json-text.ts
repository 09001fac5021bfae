/**
 * JSON text of a machine format (`check --format json|sarif|gitlab`, `coverage`, `show --json`),
 * safe to print: `JSON.stringify` escapes C0 controls but leaves DEL, C1 controls and bidi marks
 * raw, which a terminal or CI log would act on. Those become `\u009b` escapes, which is the same
 * JSON value; they can only occur inside strings, so rewriting the serialised text is safe.
 */
import { spellUnprintableAboveC0 } from '../text/terminal-text.js';

/** `value` as JSON with a 2-space indent and a trailing newline, every unprintable character escaped. */
export function jsonText(value: object): string {
  return `${spellUnprintableAboveC0(JSON.stringify(value, null, 2), (code) => `\\u${code.toString(16).padStart(4, '0')}`)}\n`;
}
