/**
 * The `runbook_url` annotation of an alert rule, understood without fetching anything: literal text,
 * and Go template actions (`{{ $labels.alertname }}`) evaluated where their value is known when the
 * rule is read. Only the alert name is known: `$labels.alertname`, `.Labels.alertname`,
 * `index $labels "alertname"`, optionally through `toLower`, `toUpper` or `title` (piped or called).
 * Any other action (`{{ $labels.namespace }}`, `{{ $externalURL }}`) is a part whose value is unknown.
 */

/** A piece of an expanded `runbook_url`. */
export type UrlPart = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'unknown'; readonly action: string };

/** Template functions of Prometheus that can be applied to a known text. */
const FUNCTIONS: Readonly<Record<string, (text: string) => string>> = {
  toLower: (text) => text.toLowerCase(),
  toUpper: (text) => text.toUpperCase(),
  title: (text) => text.replace(/(^|[^\p{L}\p{N}_'])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase()),
};

/** Expands the template actions of `template` for the alert `alert` into text and unknown parts. */
export function expandUrlTemplate(template: string, alert: string): readonly UrlPart[] {
  const parts: UrlPart[] = [];
  let text = '';
  let rest = template;
  let trimNext = false;
  for (;;) {
    const open = rest.indexOf('{{');
    const close = open < 0 ? -1 : rest.indexOf('}}', open + 2);
    if (open < 0 || close < 0) {
      text += trimNext ? rest.trimStart() : rest;
      break;
    }
    let before = rest.slice(0, open);
    if (trimNext) before = before.trimStart();
    let action = rest.slice(open + 2, close);
    if (/^-\s/.test(action)) {
      before = before.trimEnd();
      action = action.slice(1);
    }
    trimNext = /\s-$/.test(action);
    if (trimNext) action = action.slice(0, -1);
    text += before;
    const value = evaluate(action.trim(), alert);
    if (value.kind === 'text') text += value.text;
    else {
      if (text !== '') parts.push({ kind: 'text', text });
      text = '';
      parts.push(value);
    }
    rest = rest.slice(close + 2);
  }
  if (text !== '' || parts.length === 0) parts.push({ kind: 'text', text });
  return parts;
}

/** One action's value: a text when known, else unknown (quoting the action as written). */
function evaluate(action: string, alert: string): UrlPart {
  const unknown: UrlPart = { kind: 'unknown', action: `{{ ${action} }}` };
  if (/^\/\*[\s\S]*\*\/$/.test(action)) return { kind: 'text', text: '' };
  const [first = [], ...piped] = action.split('|').map((command) => command.trim().split(/\s+/));
  let value = command(first, alert);
  for (const [name, ...args] of piped) {
    const apply = name === undefined ? undefined : FUNCTIONS[name];
    if (value === undefined || apply === undefined || args.length > 0) return unknown;
    value = apply(value);
  }
  return value === undefined ? unknown : { kind: 'text', text: value };
}

/** The value of the first command of a pipeline: an operand, `index <labels> "<name>"`, or a function of an operand. */
function command(words: readonly string[], alert: string): string | undefined {
  const [head, ...args] = words;
  if (head === undefined) return undefined;
  if (args.length === 0) return operand(head, alert);
  if (head === 'index' && args.length === 2 && isLabels(args[0] ?? '')) {
    const key = literal(args[1] ?? '');
    return key === undefined ? undefined : label(key, alert);
  }
  const apply = FUNCTIONS[head];
  if (apply !== undefined) {
    const value = command(args, alert);
    return value === undefined ? undefined : apply(value);
  }
  return undefined;
}

function operand(word: string, alert: string): string | undefined {
  const field = /^(\$labels|\.Labels)\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(word);
  if (field !== null) return label(field[2] ?? '', alert);
  return literal(word);
}

function isLabels(word: string): boolean {
  return word === '$labels' || word === '.Labels';
}

/** The labels known when the rule is read: only `alertname`, which is the alert's name. */
function label(name: string, alert: string): string | undefined {
  return name === 'alertname' ? alert : undefined;
}

/** A Go string literal without escapes (`"text"` or `` `text` ``), else undefined. */
function literal(word: string): string | undefined {
  const match = /^"([^"\\]*)"$|^`([^`]*)`$/.exec(word);
  return match === null ? undefined : (match[1] ?? match[2]);
}
