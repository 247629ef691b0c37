// @vitest-environment node
import {
  chooseContact,
  MAX_RUNNERS_UP,
  NO_CONTACT_ON_PAGE,
  NO_CONTACT_ROLE,
  ONLY_SELF,
  type SelfIdentity,
} from '../../../lib/contact/choose-contact';
import type { PageContext, Participant } from '../../../lib/messaging/messages';
import type { PageKind } from '../../../lib/messaging/page-context';

const REP: SelfIdentity = { emails: ['rep@dealside-vendor.com'], domains: ['dealside-vendor.com'] };
const NOBODY: SelfIdentity = { emails: [], domains: [] };

function page(kind: PageKind, participants: Participant[], extra: Partial<PageContext> = {}): PageContext {
  return { site: 'test', kind, participants, ...extra };
}

const emailsOf = (people: { email: string }[]): string[] => people.map((person) => person.email);

describe('chooseContact on threads', () => {
  it('chooses the customer even when the rep replied last', () => {
    const choice = chooseContact(
      page('thread', [
        { email: 'Jane@Contoso.com', name: 'Jane Doe', role: 'from', order: 0 },
        { email: 'rep@dealside-vendor.com', role: 'to', order: 0 },
        { email: 'rep@dealside-vendor.com', name: 'Me', role: 'from', order: 1 },
        { email: 'jane@contoso.com', role: 'to', order: 1 },
      ]),
      REP,
    );
    expect(choice.contact).toEqual({
      email: 'jane@contoso.com',
      name: 'Jane Doe',
      accountKey: 'contoso.com',
      role: 'from',
    });
    expect(choice.runnersUp).toEqual([]);
    expect(choice.reason).toBeUndefined();
  });

  it('prefers the most recent sender when several people from one company write', () => {
    const choice = chooseContact(
      page('thread', [
        { email: 'jane@contoso.com', name: 'Jane', role: 'from', order: 0 },
        { email: 'rep@dealside-vendor.com', role: 'from', order: 1 },
        { email: 'bob@contoso.com', name: 'Bob', role: 'from', order: 2 },
        { email: 'carol@contoso.com', name: 'Carol', role: 'cc', order: 2 },
        { email: 'rep@dealside-vendor.com', role: 'from', order: 3 },
      ]),
      REP,
    );
    expect(choice.contact?.email).toBe('bob@contoso.com');
    expect(choice.contact?.accountKey).toBe('contoso.com');
    expect(emailsOf(choice.runnersUp)).toEqual(['jane@contoso.com', 'carol@contoso.com']);
  });

  it('ranks senders before recipients even when a recipient appears later', () => {
    const choice = chooseContact(
      page('thread', [
        { email: 'dave@fabrikam.com', role: 'to', order: 5 },
        { email: 'jane@contoso.com', role: 'from', order: 1 },
      ]),
      REP,
    );
    expect(choice.contact?.email).toBe('jane@contoso.com');
    expect(choice.runnersUp.map((person) => person.role)).toEqual(['to']);
  });

  it('falls back to the first external To, then Cc, when the rep wrote everything', () => {
    const participants: Participant[] = [
      { email: 'rep@dealside-vendor.com', role: 'from', order: 0 },
      { email: 'carol@contoso.com', role: 'cc', order: 0 },
      { email: 'jane@contoso.com', role: 'to', order: 0 },
      { email: 'bob@contoso.com', role: 'to', order: 0 },
    ];
    const choice = chooseContact(page('thread', participants), REP);
    expect(choice.contact).toMatchObject({ email: 'jane@contoso.com', role: 'to' });
    expect(emailsOf(choice.runnersUp)).toEqual(['bob@contoso.com', 'carol@contoso.com']);

    const ccOnly = chooseContact(
      page(
        'thread',
        participants.filter((person) => person.role !== 'to'),
      ),
      REP,
    );
    expect(ccOnly.contact).toMatchObject({ email: 'carol@contoso.com', role: 'cc' });
  });

  it('takes the recipients of the most recent message when the rep wrote to different people over time', () => {
    const choice = chooseContact(
      page('thread', [
        { email: 'rep@dealside-vendor.com', role: 'from', order: 0 },
        { email: 'old@contoso.com', role: 'to', order: 0 },
        { email: 'rep@dealside-vendor.com', role: 'from', order: 1 },
        { email: 'new@contoso.com', role: 'to', order: 1 },
      ]),
      REP,
    );
    expect(choice.contact?.email).toBe('new@contoso.com');
  });
});

describe('chooseContact on compose pages', () => {
  it('chooses the first external To, skipping the rep and colleagues', () => {
    const choice = chooseContact(
      page('compose', [
        { email: 'rep@dealside-vendor.com', role: 'from' },
        { email: 'colleague@dealside-vendor.com', role: 'to' },
        { email: 'jane@contoso.com', name: 'Jane', role: 'to' },
        { email: 'bob@fabrikam.com', role: 'to' },
        { email: 'carol@contoso.com', role: 'cc' },
      ]),
      REP,
    );
    expect(choice.contact).toMatchObject({ email: 'jane@contoso.com', name: 'Jane', role: 'to' });
    expect(emailsOf(choice.runnersUp)).toEqual(['bob@fabrikam.com', 'carol@contoso.com']);
  });

  it('uses Cc when there is no external To, and nothing else', () => {
    const ccChoice = chooseContact(
      page('compose', [
        { email: 'colleague@dealside-vendor.com', role: 'to' },
        { email: 'carol@contoso.com', role: 'cc' },
      ]),
      REP,
    );
    expect(ccChoice.contact?.email).toBe('carol@contoso.com');

    const senderOnly = chooseContact(page('compose', [{ email: 'jane@contoso.com', role: 'from' }]), REP);
    expect(senderOnly.contact).toBeNull();
    expect(senderOnly.reason).toBe(NO_CONTACT_ROLE);
    expect(emailsOf(senderOnly.runnersUp)).toEqual(['jane@contoso.com']);
  });
});

describe('chooseContact on records', () => {
  it('chooses the first record participant (the primary contact)', () => {
    const choice = chooseContact(
      page('record', [
        { email: 'rep@dealside-vendor.com', role: 'self' },
        { email: 'primary@contoso.com', name: 'Primary', role: 'record' },
        { email: 'second@contoso.com', role: 'record' },
      ]),
      REP,
    );
    expect(choice.contact).toMatchObject({ email: 'primary@contoso.com', role: 'record' });
    expect(emailsOf(choice.runnersUp)).toEqual(['second@contoso.com']);
  });
});

describe('chooseContact: who is self', () => {
  it('excludes addresses the page marks as self, and their company domain', () => {
    const choice = chooseContact(
      page('thread', [
        { email: 'me@vendor.io', role: 'self' },
        { email: 'boss@sales.vendor.io', role: 'from', order: 3 },
        { email: 'jane@contoso.com', role: 'from', order: 1 },
      ]),
      NOBODY,
    );
    expect(choice.contact?.email).toBe('jane@contoso.com');
    expect(choice.runnersUp).toEqual([]);
  });

  it('excludes settings addresses (plus-tags ignored) and settings domains', () => {
    const choice = chooseContact(
      page('thread', [
        { email: 'Rep+crm@Dealside-Vendor.com', role: 'from', order: 4 },
        { email: 'colleague@eu.partner-vendor.de', role: 'from', order: 3 },
        { email: 'jane@contoso.com', role: 'from', order: 1 },
      ]),
      { emails: ['rep@dealside-vendor.com'], domains: ['Partner-Vendor.DE'] },
    );
    expect(choice.contact?.email).toBe('jane@contoso.com');
    expect(choice.runnersUp).toEqual([]);
  });

  it("treats colleagues at the settings addresses' company as self", () => {
    const choice = chooseContact(
      page('thread', [
        { email: 'colleague@dealside-vendor.com', role: 'from', order: 2 },
        { email: 'jane@contoso.com', role: 'from', order: 1 },
      ]),
      { emails: ['rep@dealside-vendor.com'], domains: [] },
    );
    expect(choice.contact?.email).toBe('jane@contoso.com');
  });

  it('follows aliases for the company domain', () => {
    const choice = chooseContact(
      page('thread', [
        { email: 'colleague@dealside-vendor.co.uk', role: 'from', order: 2 },
        { email: 'jane@contoso.com', role: 'from', order: 1 },
      ]),
      REP,
      { aliases: { 'dealside-vendor.co.uk': 'dealside-vendor.com' } },
    );
    expect(choice.contact?.email).toBe('jane@contoso.com');
  });

  it('never lets a freemail domain make everyone there a colleague', () => {
    const choice = chooseContact(
      page('thread', [
        { email: 'rep.private@gmail.com', role: 'self' },
        { email: 'jane@gmail.com', role: 'from', order: 1 },
      ]),
      { emails: ['rep@qq.com'], domains: ['gmail.com', 'qq.com'] },
    );
    expect(choice.contact?.email).toBe('jane@gmail.com');
    expect(choice.contact?.accountKey).toBe('jane@gmail.com');
  });

  it('returns no contact when only the rep is on the page', () => {
    const choice = chooseContact(
      page('thread', [
        { email: 'rep@dealside-vendor.com', role: 'from', order: 0 },
        { email: 'colleague@dealside-vendor.com', role: 'to', order: 0 },
        { email: 'me@vendor.io', role: 'self' },
      ]),
      REP,
    );
    expect(choice).toEqual({ contact: null, runnersUp: [], reason: ONLY_SELF });
  });
});

describe('chooseContact on list and unknown pages', () => {
  it('chooses nobody but offers everyone external as runners-up', () => {
    const choice = chooseContact(
      page('list', [
        { email: 'jane@contoso.com', role: 'from', order: 0 },
        { email: 'rep@dealside-vendor.com', role: 'from', order: 1 },
        { email: 'bob@fabrikam.com', role: 'from', order: 2 },
      ]),
      REP,
    );
    expect(choice.contact).toBeNull();
    expect(choice.reason).toBe(NO_CONTACT_ON_PAGE);
    expect(emailsOf(choice.runnersUp)).toEqual(['bob@fabrikam.com', 'jane@contoso.com']);
  });

  it("passes on the page's own reason", () => {
    const choice = chooseContact(page('unknown', [], { reason: 'no-mail-open' }), REP);
    expect(choice).toEqual({ contact: null, runnersUp: [], reason: 'no-mail-open' });
  });

  it('reads an unrecognised kind as unknown', () => {
    const choice = chooseContact(
      page('board' as PageKind, [{ email: 'jane@contoso.com', role: 'from' }]),
      REP,
    );
    expect(choice.contact).toBeNull();
    expect(choice.reason).toBe(NO_CONTACT_ON_PAGE);
    expect(choice.runnersUp).toHaveLength(1);
  });
});

describe('chooseContact: cleaning and deduplication', () => {
  it('merges one person seen several times, keeping the first name and their best role', () => {
    const choice = chooseContact(
      page('thread', [
        { email: 'JANE@contoso.com', role: 'to', order: 0 },
        { email: 'mailto:jane@contoso.com', name: '  Jane   Doe ', role: 'cc', order: 1 },
        { email: '<jane@contoso.com>', name: 'J. Doe', role: 'from', order: 2 },
        { email: 'bob@contoso.com', role: 'from', order: 1 },
      ]),
      REP,
    );
    expect(choice.contact).toEqual({
      email: 'jane@contoso.com',
      name: 'Jane Doe',
      accountKey: 'contoso.com',
      role: 'from',
    });
    expect(emailsOf(choice.runnersUp)).toEqual(['bob@contoso.com']);
  });

  it('drops names that are just the address, and wrapping quotes', () => {
    const choice = chooseContact(
      page('compose', [
        { email: 'jane@contoso.com', name: 'Jane@Contoso.com', role: 'to' },
        { email: 'bob@contoso.com', name: '<bob@contoso.com>', role: 'to' },
        { email: 'carol@contoso.com', name: '"Doe, Carol"', role: 'to' },
        { email: 'dave@contoso.com', name: '   ', role: 'to' },
      ]),
      REP,
    );
    expect(choice.contact).toEqual({ email: 'jane@contoso.com', accountKey: 'contoso.com', role: 'to' });
    expect(choice.runnersUp).toEqual([
      { email: 'bob@contoso.com', accountKey: 'contoso.com', role: 'to' },
      { email: 'carol@contoso.com', name: 'Doe, Carol', accountKey: 'contoso.com', role: 'to' },
      { email: 'dave@contoso.com', accountKey: 'contoso.com', role: 'to' },
    ]);
  });

  it('drops malformed addresses without throwing', () => {
    const choice = chooseContact(
      page('thread', [
        { email: 'jane [at] contoso.com', role: 'from', order: 3 },
        { email: '', role: 'from', order: 2 },
        { email: undefined as unknown as string, role: 'from', order: 2 },
        null as unknown as Participant,
        { email: 'bob@contoso.com', role: 'nobody' as Participant['role'], order: 9 },
        { email: 'jane@contoso.com', role: 'from', order: 1 },
      ]),
      REP,
    );
    expect(choice.contact?.email).toBe('jane@contoso.com');
    expect(choice.runnersUp).toEqual([]);
  });

  it('applies aliases to the account key', () => {
    const choice = chooseContact(page('compose', [{ email: 'jane@contoso.co.uk', role: 'to' }]), REP, {
      aliases: { 'contoso.co.uk': 'contoso.com' },
    });
    expect(choice.contact?.accountKey).toBe('contoso.com');
  });

  it(`caps runners-up at ${MAX_RUNNERS_UP}`, () => {
    const many: Participant[] = Array.from({ length: 30 }, (_, index) => ({
      email: `person${index}@contoso.com`,
      role: 'to',
    }));
    const choice = chooseContact(page('compose', many), REP);
    expect(choice.contact?.email).toBe('person0@contoso.com');
    expect(choice.runnersUp).toHaveLength(MAX_RUNNERS_UP);
    expect(choice.runnersUp[0]?.email).toBe('person1@contoso.com');
  });

  it('survives a malformed settings object', () => {
    const choice = chooseContact(page('compose', [{ email: 'jane@contoso.com', role: 'to' }]), {
      emails: null,
      domains: [42],
    } as unknown as SelfIdentity);
    expect(choice.contact?.email).toBe('jane@contoso.com');
  });
});
