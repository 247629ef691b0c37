/**
 * Who the customer on this page is. The contact is an external participant: never one of the rep's
 * own addresses, never someone at the rep's own company. Everyone else external is offered as a
 * runner-up, so the panel can switch when the guess is wrong.
 *
 * Company and deal records may name the organisation's website instead of (or beside) its people: then
 * the website decides the account, and the contact is someone of that account, or nobody.
 */
import type { PageContext, Participant } from '../messaging/messages';
import type { PageKind, ParticipantRole } from '../messaging/page-context';
import {
  type AccountAliases,
  accountKeyForDomain,
  accountKeyForEmail,
  isFreemailDomain,
  registrableDomain,
} from './account-key';
import { cleanDisplayName } from './display-name';
import { emailDomain, normalizeEmail, splitNormalizedEmail, withoutPlusTag } from './email';

export type ExternalRole = Exclude<ParticipantRole, 'self'>;

export interface ChosenParticipant {
  /** Normalised address. */
  email: string;
  name?: string;
  accountKey: string;
  /** The role that ranked this person: a sender outranks the same person as a recipient. */
  role: ExternalRole;
}

/** The account a page is about, and what told it. */
export interface ChosenAccount {
  key: string;
  /** `website`: a company or deal record's website; `contact`: the contact's address. */
  source: 'website' | 'contact';
}

export interface ContactChoice {
  contact: ChosenParticipant | null;
  /** Absent when the page gives no account: no contact and no usable website. */
  account?: ChosenAccount;
  runnersUp: ChosenParticipant[];
  /** Why there is no contact; absent when there is one. */
  reason?: string;
}

/** The rep, as the settings know them. */
export interface SelfIdentity {
  emails: string[];
  domains: string[];
}

export interface ChooseContactOptions {
  aliases?: AccountAliases;
}

export const MAX_RUNNERS_UP = 20;

export const NO_CONTACT_ON_PAGE = 'no contact on this page';
export const NO_PARTICIPANTS = 'no participants on this page';
export const ONLY_SELF = "only the user's own addresses on this page";
export const NO_CONTACT_ROLE = 'no external participant in a contact role';

/** Roles that can make someone the contact, best first, per page kind. */
const CONTACT_ROLES: Record<PageKind, readonly ExternalRole[]> = {
  // The customer wrote to us; if the rep wrote everything, whoever the rep wrote to.
  thread: ['from', 'to', 'cc'],
  compose: ['to', 'cc'],
  record: ['record'],
  list: [],
  unknown: [],
};

const ALL_EXTERNAL_ROLES: readonly ExternalRole[] = ['from', 'to', 'cc', 'record'];

/** Ranking of runners-up: the contact roles of the page first, then the rest in the usual order. */
function rolePriorityFor(kind: PageKind): readonly ExternalRole[] {
  const contactRoles = CONTACT_ROLES[kind];
  return [...contactRoles, ...ALL_EXTERNAL_ROLES.filter((role) => !contactRoles.includes(role))];
}

interface Candidate extends ChosenParticipant {
  rolePriority: number;
  /** Conversation position of the ranking occurrence; -1 when the page gave none. */
  order: number;
  /** Position in the page's participant list of the ranking occurrence. */
  index: number;
}

export function chooseContact(
  context: PageContext,
  self: SelfIdentity,
  options: ChooseContactOptions = {},
): ContactChoice {
  const participants = Array.isArray(context?.participants) ? context.participants : [];
  const kind = pageKindOf(context);
  const { isSelf, isOwnCompanyKey } = selfMatcher(participants, self, options.aliases);
  const rolePriority = rolePriorityFor(kind);

  const candidates = new Map<string, Candidate>();
  let sawSelf = false;
  participants.forEach((participant, index) => {
    const email = normalizeEmail(participant?.email);
    if (email === null) return;
    if (participant.role === 'self' || isSelf(email)) {
      sawSelf = true;
      return;
    }
    const priority = rolePriority.indexOf(participant.role);
    if (priority === -1) return;
    const name = cleanDisplayName(participant.name, email);
    const order =
      typeof participant.order === 'number' && Number.isFinite(participant.order) ? participant.order : -1;
    const existing = candidates.get(email);
    if (existing === undefined) {
      const accountKey = accountKeyForEmail(email, options) ?? email;
      candidates.set(email, {
        email,
        ...(name === undefined ? {} : { name }),
        accountKey,
        role: participant.role as ExternalRole,
        rolePriority: priority,
        order,
        index,
      });
      return;
    }
    if (existing.name === undefined && name !== undefined) existing.name = name;
    if (priority < existing.rolePriority || (priority === existing.rolePriority && order > existing.order)) {
      Object.assign(existing, {
        role: participant.role as ExternalRole,
        rolePriority: priority,
        order,
        index,
      });
    }
  });

  const ranked = [...candidates.values()].sort(compareCandidates);
  const contactRoleCount = CONTACT_ROLES[kind].length;
  const inContactRole = ranked.filter((candidate) => candidate.rolePriority < contactRoleCount);
  const websiteKey = accountKeyForWebsite(context?.website, options.aliases);
  const account =
    websiteKey === null || isOwnCompanyKey(websiteKey)
      ? undefined
      : { key: websiteKey, source: 'website' as const };
  const contact = account ? contactOfWebsiteAccount(inContactRole, account.key) : inContactRole[0];
  const runnersUp = ranked
    .filter((candidate) => candidate.email !== contact?.email)
    .slice(0, MAX_RUNNERS_UP)
    .map(toChosenParticipant);

  if (contact !== undefined) {
    return {
      contact: toChosenParticipant(contact),
      account: account ?? { key: contact.accountKey, source: 'contact' },
      runnersUp,
    };
  }
  const reason = noContactReason(context, kind, ranked.length > 0, sawSelf);
  return account ? { contact: null, account, runnersUp, reason } : { contact: null, runnersUp, reason };
}

/**
 * The contact of a record whose website names the account: the best-ranked person at that account's
 * domain; failing that, the best-ranked person with a freemail address, who is filed under the website's
 * account (a small firm's owner writing from gmail.com belongs to the firm the record is about). Someone
 * at another company's domain (a partner, a consultant on the deal) is never made this account's contact:
 * they stay a runner-up, and the panel shows the account alone.
 */
function contactOfWebsiteAccount(ranked: readonly Candidate[], accountKey: string): Candidate | undefined {
  const atAccount = ranked.find((candidate) => candidate.accountKey === accountKey);
  if (atAccount) return atAccount;
  const freemail = ranked.find((candidate) => isFreemailDomain(splitNormalizedEmail(candidate.email).domain));
  return freemail ? { ...freemail, accountKey } : undefined;
}

/**
 * The company account a record's website names, after aliases: `https://www.contoso.co.uk/about`,
 * `www.contoso.co.uk`, `contoso.co.uk` and `sales@contoso.co.uk` all give `contoso.co.uk`; Unicode and
 * punycode domains give one key. `null` for anything else, and for freemail domains and addresses: a
 * record whose "website" is gmail.com names no company.
 */
export function accountKeyForWebsite(raw: unknown, aliases?: AccountAliases): string | null {
  if (typeof raw !== 'string') return null;
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed.length > MAX_WEBSITE_LENGTH) return null;
  const host = trimmed.includes('@') && !trimmed.includes('/') ? emailDomain(trimmed) : websiteHost(trimmed);
  return host === null ? null : accountKeyForDomain(host, { aliases });
}

const MAX_WEBSITE_LENGTH = 2048;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The host of a website as records write it, with or without a scheme; only web addresses count. */
function websiteHost(website: string): string | null {
  try {
    const url = new URL(HAS_SCHEME.test(website) ? website : `https://${website}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.hostname === '' ? null : url.hostname;
  } catch {
    return null;
  }
}

/** The page kind, with anything unrecognised (a newer adapter, a bad message) read as `unknown`. */
function pageKindOf(context: PageContext): PageKind {
  const kind = context?.kind;
  return typeof kind === 'string' && Object.hasOwn(CONTACT_ROLES, kind) ? kind : 'unknown';
}

/** Best role first; within a role the most recent message; then the order the page listed them in. */
function compareCandidates(a: Candidate, b: Candidate): number {
  return a.rolePriority - b.rolePriority || b.order - a.order || a.index - b.index;
}

function toChosenParticipant({ email, name, accountKey, role }: Candidate): ChosenParticipant {
  return name === undefined ? { email, accountKey, role } : { email, name, accountKey, role };
}

function noContactReason(
  context: PageContext,
  kind: PageKind,
  hasExternals: boolean,
  sawSelf: boolean,
): string {
  if (kind === 'list' || kind === 'unknown') return context?.reason ?? NO_CONTACT_ON_PAGE;
  if (hasExternals) return NO_CONTACT_ROLE;
  if (sawSelf) return ONLY_SELF;
  return context?.reason ?? NO_PARTICIPANTS;
}

/**
 * Who counts as the rep: their own addresses (from settings or marked `self` by the page, `+tags`
 * ignored) and anyone at their company. The company is `self.domains` plus the domains of the rep's
 * own addresses, since a colleague on the thread is no customer either. Freemail domains never make
 * a company: a rep writing from gmail.com does not make every gmail user a colleague.
 */
function selfMatcher(
  participants: readonly Participant[],
  self: SelfIdentity,
  aliases: AccountAliases | undefined,
): { isSelf: (email: string) => boolean; isOwnCompanyKey: (accountKey: string) => boolean } {
  const ownAddresses = [
    ...(Array.isArray(self?.emails) ? self.emails : []),
    ...participants
      .filter((participant) => participant?.role === 'self')
      .map((participant) => participant.email),
  ];
  const ownEmails = new Set<string>();
  const companyKeys = new Set<string>();
  const addCompanyDomain = (domain: string): void => {
    const key = accountKeyForDomain(domain);
    if (key === null) return;
    companyKeys.add(key);
    companyKeys.add(accountKeyForDomain(domain, { aliases }) ?? key);
  };
  for (const address of ownAddresses) {
    const email = normalizeEmail(address);
    if (email === null) continue;
    ownEmails.add(email);
    ownEmails.add(withoutPlusTag(email));
    addCompanyDomain(splitNormalizedEmail(email).domain);
  }
  for (const domain of Array.isArray(self?.domains) ? self.domains : []) addCompanyDomain(domain);

  const isOwnCompanyKey = (accountKey: string) => companyKeys.has(accountKey);
  const isSelf = (email: string) => {
    if (ownEmails.has(email) || ownEmails.has(withoutPlusTag(email))) return true;
    const { domain } = splitNormalizedEmail(email);
    if (companyKeys.size === 0 || isFreemailDomain(domain)) return false;
    const registrable = registrableDomain(domain);
    return (
      companyKeys.has(registrable) ||
      companyKeys.has(accountKeyForDomain(registrable, { aliases }) ?? registrable)
    );
  };
  return { isSelf, isOwnCompanyKey };
}
