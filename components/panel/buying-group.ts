/**
 * The buying group as the panel lists it: everyone of the account, from the people stored for it (those
 * the rep has worked with) and the people the open page names who belong to it, each once.
 */
import type { BuyingRole } from '@/lib/contact/buying-roles';
import type { PersonView } from '@/lib/messaging/protocol';
import type { AccountPanelState } from './types';

/** `on-screen`: the person the panel is about; `on-page`: someone else the open page names. */
export type Presence = 'on-screen' | 'on-page' | 'elsewhere';

export interface GroupMember {
  email: string;
  name?: string;
  roles: readonly BuyingRole[];
  /** When and where the rep last worked with the person on a page; absent when never. */
  lastSeenAt?: number;
  lastSeenUrl?: string;
  presence: Presence;
}

const PRESENCE_ORDER: Record<Presence, number> = { 'on-screen': 0, 'on-page': 1, elsewhere: 2 };

/**
 * The person on screen first, then the rest of the page's people in the page's order, then everyone else
 * by when they were last seen. Setting a role does not move anyone: the order never depends on when a
 * row was last written.
 */
export function buyingGroup(state: AccountPanelState): GroupMember[] {
  const accountKey = state.account.key;
  const onPage = [state.contact, ...state.others].filter(
    (person): person is PersonView => person !== null && person.accountKey === accountKey,
  );
  const pageOrder = new Map(onPage.map((person, index) => [person.email, index]));
  const presenceOf = (email: string): Presence =>
    email === state.contact?.email ? 'on-screen' : pageOrder.has(email) ? 'on-page' : 'elsewhere';
  const pageNames = new Map(onPage.map((person) => [person.email, person.name]));

  const members = new Map<string, GroupMember>();
  for (const person of state.account.people) {
    const name = person.name ?? pageNames.get(person.email);
    members.set(person.email, {
      email: person.email,
      ...(name ? { name } : {}),
      roles: person.roles ?? [],
      ...(person.lastSeenAt === undefined ? {} : { lastSeenAt: person.lastSeenAt }),
      ...(person.lastSeenUrl === undefined ? {} : { lastSeenUrl: person.lastSeenUrl }),
      presence: presenceOf(person.email),
    });
  }
  for (const person of onPage) {
    if (members.has(person.email)) continue;
    members.set(person.email, {
      email: person.email,
      ...(person.name ? { name: person.name } : {}),
      roles: [],
      presence: presenceOf(person.email),
    });
  }

  return [...members.values()].sort(
    (a, b) =>
      PRESENCE_ORDER[a.presence] - PRESENCE_ORDER[b.presence] ||
      (pageOrder.get(a.email) ?? 0) - (pageOrder.get(b.email) ?? 0) ||
      (b.lastSeenAt ?? -1) - (a.lastSeenAt ?? -1) ||
      a.email.localeCompare(b.email),
  );
}

/** The site a page address is on (`mail.google.com`), or undefined when it is not an address. */
export function siteOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}
