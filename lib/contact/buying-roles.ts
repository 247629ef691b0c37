/**
 * The parts a customer's people play in a purchase (the buying group): who decides, who holds the
 * budget, who argues for us inside, who shapes the choice, who will use what is bought, who stands in
 * the way. A person may play several. Zod-free, so screens, the stored rows' schema and the playbook's
 * schema share one list.
 */
export const BUYING_ROLES = [
  'decision-maker',
  'economic-buyer',
  'champion',
  'influencer',
  'user',
  'blocker',
  'other',
] as const;

export type BuyingRole = (typeof BUYING_ROLES)[number];

export function isBuyingRole(value: unknown): value is BuyingRole {
  return (BUYING_ROLES as readonly unknown[]).includes(value);
}

/** The roles in the list's order, each once: how they are stored and shown, whatever order they came in. */
export function orderedRoles(roles: Iterable<BuyingRole>): BuyingRole[] {
  const held = new Set(roles);
  return BUYING_ROLES.filter((role) => held.has(role));
}
