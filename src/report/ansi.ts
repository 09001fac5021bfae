/** Wraps text in an ANSI style, or returns it unchanged when colour is off. */
export type Style = (text: string) => string;

/** The styles `pretty` uses. */
export interface Palette {
  readonly bold: Style;
  readonly underline: Style;
  readonly dim: Style;
  readonly red: Style;
  readonly yellow: Style;
  readonly cyan: Style;
  readonly green: Style;
}

/**
 * The palette for a colour setting. Each style closes only what it opened (22, 24, 39), so styles
 * nest; with colour off every style is the identity, so the output has no escape codes at all.
 */
export function palette(color: boolean): Palette {
  const style = (open: number, close: number): Style =>
    color ? (text) => `\u001b[${open}m${text}\u001b[${close}m` : (text) => text;
  return {
    bold: style(1, 22),
    underline: style(4, 24),
    dim: style(2, 22),
    red: style(31, 39),
    yellow: style(33, 39),
    cyan: style(36, 39),
    green: style(32, 39),
  };
}
