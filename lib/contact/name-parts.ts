/**
 * A person's display name as pages show it, split for greetings (`{firstName}`, `{lastName}` in email
 * templates).
 *
 * - Western names: `Jane Cooper` → first `Jane`, last `Cooper`; `Jane van der Berg` → last
 *   `van der Berg`; `Cooper, Jane` (directory order) → first `Jane`, last `Cooper`; one word → first only.
 * - Chinese, Japanese and Korean names are written family name first and, in Chinese, without a space
 *   (`王小明`). Splitting them by spaces would be wrong, and greeting a business contact by the given name
 *   alone is too familiar: the polite address in a Chinese business email is the whole name
 *   (`王小明您好`). So the first name is the whole name, and the last name is the family name: the part
 *   before the space when there is one (`山田 太郎` → `山田`), else the first character, or the first
 *   two for the common two-character family names (`欧阳娜娜` → `欧阳`).
 */

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Two-character Chinese family names common enough to recognise. */
const COMPOUND_FAMILY_NAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '慕容',
  '令狐',
  '司徒',
  '夏侯',
  '尉迟',
  '公孙',
  '长孙',
  '轩辕',
  '端木',
  '宇文',
  '独孤',
  '南宫',
  '西门',
  '澹台',
]);

export interface NameParts {
  fullName: string;
  firstName?: string;
  lastName?: string;
}

export function nameParts(displayName: string | undefined): NameParts | undefined {
  const fullName = (displayName ?? '').replace(/\s+/g, ' ').trim();
  if (!fullName || fullName.includes('@')) return undefined;

  if (CJK.test(fullName)) {
    const [family, given] = fullName.split(' ');
    if (given) return { fullName, firstName: fullName, lastName: family! };
    const two = [...fullName].slice(0, 2).join('');
    const lastName = COMPOUND_FAMILY_NAMES.has(two) && [...fullName].length > 2 ? two : [...fullName][0]!;
    return { fullName, firstName: fullName, lastName };
  }

  const comma = fullName.indexOf(',');
  if (comma > 0) {
    const lastName = fullName.slice(0, comma).trim();
    const firstName = fullName
      .slice(comma + 1)
      .trim()
      .split(' ')[0];
    return firstName
      ? { fullName: `${firstName} ${lastName}`, firstName, lastName }
      : { fullName: lastName, firstName: lastName };
  }

  const [firstName, ...rest] = fullName.split(' ');
  return rest.length > 0
    ? { fullName, firstName: firstName!, lastName: rest.join(' ') }
    : { fullName, firstName: firstName! };
}
