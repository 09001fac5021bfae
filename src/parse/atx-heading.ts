/**
 * The content of an ATX heading: the text of `line` from `start` to `end` (after its opening `#`s)
 * without the blanks around it and its closing `#`s (those after a space or tab). A loop: as the
 * regular expression `[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$` a line of 16 KB of spaces took 1 to 2 s, and
 * 40,000 spaces in a title 2.6 s of `show` (found by H8, #12). Used by init's heading count and by
 * show's first-heading scan.
 */
export function atxHeadingContent(line: string, start: number, end: number): string {
  const blank = (index: number): boolean => line[index] === ' ' || line[index] === '\t';
  let from = start;
  while (from < end && blank(from)) from += 1;
  let to = end;
  while (to > from && blank(to - 1)) to -= 1;
  let closing = to;
  while (closing > from && line[closing - 1] === '#') closing -= 1;
  if (closing < to && closing > from && blank(closing - 1)) {
    to = closing;
    while (to > from && blank(to - 1)) to -= 1;
  }
  return line.slice(from, to);
}
