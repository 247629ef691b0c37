/**
 * One account's notes as Markdown, for pasting into a CRM, a document or a message: a heading with the
 * account, a few facts, then every note newest first under a heading of its date, kind and person.
 * Note bodies are kept exactly as the rep wrote them.
 */
import { displayAccountKey } from '../contact/account-key';
import type { BuyingRole } from '../contact/buying-roles';
import { displayEmail } from '../contact/email';
import type { AccountRecord, ContactRecord, NoteRecord } from '../db/records';
import type { AccountNotesMarkdown } from './types';

export interface MarkdownLabels {
  account: string;
  stage: string;
  industry: string;
  people: string;
  /** A person's buying-group roles as running text ("decision maker, champion"). */
  roles: (roles: readonly BuyingRole[]) => string;
  note: string;
  call: string;
  noNotes: string;
  /** Given the number of notes left out. */
  omitted: (count: number) => string;
}

export interface AccountNotesInput {
  accountKey: string;
  account?: AccountRecord;
  /** The stage's name in the rep's language, when the account has a stage. */
  stageName?: string;
  contacts: readonly ContactRecord[];
  /** Newest first. */
  notes: readonly NoteRecord[];
}

/** `2025-06-12 09:30`, local time: unambiguous in every language. */
export function localMinute(instant: number): string {
  const date = new Date(instant);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Text for one line: line breaks inside a name would break the Markdown structure. */
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function accountNotesMarkdown(
  input: AccountNotesInput,
  labels: MarkdownLabels,
  maxChars: number,
): AccountNotesMarkdown {
  const domain = displayAccountKey(input.accountKey);
  const name = input.account?.displayName ? inline(input.account.displayName) : domain;
  const names = new Map(input.contacts.map((contact) => [contact.email, contact.name]));
  const facts = [`- ${labels.account}: ${domain}`];
  if (input.stageName) facts.push(`- ${labels.stage}: ${inline(input.stageName)}`);
  if (input.account?.industry) facts.push(`- ${labels.industry}: ${inline(input.account.industry)}`);
  if (input.contacts.length > 0) {
    const people = input.contacts.map((contact) => {
      const who = contact.name
        ? `${inline(contact.name)} <${displayEmail(contact.email)}>`
        : displayEmail(contact.email);
      return contact.roles?.length ? `${who} (${labels.roles(contact.roles)})` : who;
    });
    facts.push(`- ${labels.people}: ${people.join(', ')}`);
  }

  const parts = [`# ${name}`, facts.join('\n')];
  let length = parts.join('\n\n').length;
  let included = 0;
  for (const note of input.notes) {
    const who = note.contactEmail
      ? (names.get(note.contactEmail) ?? displayEmail(note.contactEmail))
      : undefined;
    const heading = [localMinute(note.createdAt), note.kind === 'call' ? labels.call : labels.note, who]
      .filter(Boolean)
      .map((part) => inline(part!))
      .join(' · ');
    const block = `## ${heading}\n\n${note.body.trim()}`;
    if (length + block.length + 2 > maxChars) break;
    parts.push(block);
    length += block.length + 2;
    included++;
  }
  if (input.notes.length === 0) parts.push(`_${labels.noNotes}_`);
  const omitted = input.notes.length - included;
  if (omitted > 0) parts.push(`_${labels.omitted(omitted)}_`);
  return { markdown: `${parts.join('\n\n')}\n`, noteCount: included, omittedNotes: omitted };
}
