import type { Inlines } from '../model/prose.js';
import { plainText } from '../model/prose.js';
import type { Palette, Style } from '../report/ansi.js';
import { printable } from '../text/terminal-text.js';
import { columns } from '../text/wrap.js';
import { WIDTH, type Prefixes } from './wrap.js';

/** How inline formatting is shown in a terminal: styles when there is colour, plain marks when not. */
export interface InlineStyle {
  readonly palette: Palette;
  /** Whether the palette writes escape codes; without them code is written between backticks. */
  readonly color: boolean;
}

/** A run of text in one style, or a forced line break. */
type Piece = { readonly kind: 'text'; readonly text: string; readonly style: Style } | { readonly kind: 'break' };

const plain: Style = (text) => text;

/**
 * Inline content as terminal pieces: code in cyan on a colour terminal and between backticks
 * without colour; bold in bold; links as their text followed by the URL in parentheses (when the
 * text is not the URL itself). Text is made printable later, word by word.
 */
function piecesOf(inlines: Inlines, style: InlineStyle, outer: Style = plain): readonly Piece[] {
  return inlines.flatMap((inline): readonly Piece[] => {
    switch (inline.kind) {
      case 'text':
        return [{ kind: 'text', text: inline.text, style: outer }];
      case 'code':
        return style.color
          ? [{ kind: 'text', text: inline.text, style: (text) => style.palette.cyan(outer(text)) }]
          : [{ kind: 'text', text: `\`${inline.text}\``, style: outer }];
      case 'strong':
        return piecesOf(inline.children, style, (text) => style.palette.bold(outer(text)));
      case 'emphasis':
        return piecesOf(inline.children, style, outer);
      case 'link': {
        const text = piecesOf(inline.children, style, outer);
        const label = plainText(inline.children).trim();
        if (label === '') return [{ kind: 'text', text: inline.url, style: outer }];
        return label === inline.url ? text : [...text, { kind: 'text', text: ' (', style: outer }, { kind: 'text', text: inline.url, style: (url) => style.palette.dim(outer(url)) }, { kind: 'text', text: ')', style: outer }];
      }
      case 'break':
        return [{ kind: 'break' }];
    }
  });
}

/** A word as measured (plain) and as printed (styled); `undefined` for a forced break. */
type Word = { readonly plain: string; readonly styled: string } | undefined;

/** The words of pieces: white space separates words, and a word may join pieces of several styles (`` `ls`, ``). */
function wordsOf(pieces: readonly Piece[]): readonly Word[] {
  const words: Word[] = [];
  let plainWord = '';
  let styledWord = '';
  const end = (): void => {
    if (plainWord !== '') words.push({ plain: plainWord, styled: styledWord });
    plainWord = '';
    styledWord = '';
  };
  for (const piece of pieces) {
    if (piece.kind === 'break') {
      end();
      words.push(undefined);
      continue;
    }
    piece.text.split(/(\s+)/u).forEach((part, index, parts) => {
      if (index % 2 === 1) {
        end();
        return;
      }
      if (part === '') return;
      // A number keeps its percent sign (`80 %`), as the plain wrapper does.
      const last = words.at(-1);
      if (plainWord === '' && part.startsWith('%') && parts[index - 1] === ' ' && last !== undefined && /\d$/.test(last.plain)) {
        words.pop();
        plainWord = `${last.plain} `;
        styledWord = `${last.styled} `;
      }
      const safe = printable(part);
      plainWord += safe;
      styledWord += piece.style(safe);
    });
  }
  end();
  return words;
}

/**
 * Inline content wrapped for the terminal at `width` columns after the prefixes (`styledFirst` is
 * printed for the first one, measured as `first`). A word wider than a line gets a line of its own,
 * whole, so a long URL or command can still be copied. Nothing of the text reaches the terminal
 * unprintable.
 */
export function inlineLines(inlines: Inlines, style: InlineStyle, prefixes: Prefixes & { readonly styledFirst?: string }, width = WIDTH): readonly string[] {
  const lines: string[] = [];
  let plainLine = prefixes.first;
  let styledLine = prefixes.styledFirst ?? prefixes.first;
  let empty = true;
  const flush = (): void => {
    lines.push(styledLine.trimEnd());
    plainLine = prefixes.rest;
    styledLine = prefixes.rest;
    empty = true;
  };
  for (const word of wordsOf(piecesOf(inlines, style))) {
    if (word === undefined) {
      flush();
      continue;
    }
    if (!empty && columns(plainLine) + 1 + columns(word.plain) > width) flush();
    plainLine += `${empty ? '' : ' '}${word.plain}`;
    styledLine += `${empty ? '' : ' '}${word.styled}`;
    empty = false;
  }
  if (!empty || lines.length === 0) lines.push(styledLine.trimEnd());
  return lines;
}

/** Whether a palette writes escape codes (with colour off every style is the identity). */
export function writesColor(palette: Palette): boolean {
  return palette.cyan('x') !== 'x';
}
