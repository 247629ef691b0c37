/**
 * Account aliases: when the user merges two accounts (or says `contoso.co.uk` is `contoso.com`), the
 * settings map the old key to the one it was merged into. Keys may be chained; a chain that loops is
 * a set of accounts the user merged into each other, and they all resolve to one member.
 */

export type AccountAliases = Readonly<Record<string, string>>;

/**
 * Follows `aliases` from `key` to the final key. On a cycle every member resolves to the same key
 * (the alphabetically smallest in the loop), so merging never splits an account in two.
 * `normalizeKey` brings the map's keys and values into account-key form first.
 */
export function resolveAccountAlias(
  key: string,
  aliases: AccountAliases | undefined,
  normalizeKey: (raw: string) => string,
): string {
  if (aliases === undefined) return key;
  const aliasMap = normalizedAliasMap(aliases, normalizeKey);
  if (aliasMap.size === 0) return key;

  const path: string[] = [];
  const seen = new Set<string>();
  let current = key;
  while (!seen.has(current)) {
    seen.add(current);
    path.push(current);
    const next = aliasMap.get(current);
    if (next === undefined) return current;
    current = next;
  }
  const loop = path.slice(path.indexOf(current));
  return loop.reduce((smallest, member) => (member < smallest ? member : smallest));
}

/**
 * Settings may hold hand-typed or Unicode keys (`Bücher.de`), so the map is normalised before lookup.
 * Only own entries count: a key such as `constructor` must not reach the object prototype.
 */
function normalizedAliasMap(
  aliases: AccountAliases,
  normalizeKey: (raw: string) => string,
): Map<string, string> {
  const aliasMap = new Map<string, string>();
  if (typeof aliases !== 'object' || aliases === null) return aliasMap;
  for (const [from, to] of Object.entries(aliases)) {
    if (typeof from !== 'string' || typeof to !== 'string') continue;
    const fromKey = normalizeKey(from);
    const toKey = normalizeKey(to);
    if (fromKey !== '' && toKey !== '' && !aliasMap.has(fromKey)) aliasMap.set(fromKey, toKey);
  }
  return aliasMap;
}
