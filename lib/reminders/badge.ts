/** The toolbar badge: how many open follow-ups are overdue or due today. */

/** The badge has room for about four characters. */
export const BADGE_MAX = 99;

export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > BADGE_MAX ? `${BADGE_MAX}+` : String(count);
}

/** The danger colour of the pages' palette: due work wants attention. */
export const BADGE_COLOR = '#B42318';
