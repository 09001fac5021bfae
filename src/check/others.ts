/**
 * The other members of a group, as a message names them: at most {@link SHOWN_OTHERS}, then how many
 * more. A message per member that listed every other would make the output grow with the square of
 * the group (a file claiming one alert thousands of times printed hundreds of megabytes).
 */

/** How many other members a message names before `and N more`. */
const SHOWN_OTHERS = 3;

/** `a, b, c and 4 more`: the first few members of `group` other than `self` (compared by identity), shown by `show`. */
export function othersText<T>(group: readonly T[], self: T, show: (member: T) => string): string {
  const shown: string[] = [];
  for (const member of group) {
    if (shown.length === SHOWN_OTHERS) break;
    if (member !== self) shown.push(show(member));
  }
  const more = group.length - 1 - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}
