/**
 * A follow-up as an iCalendar file (RFC 5545) the rep can open in their calendar: one VEVENT in a
 * VCALENDAR, times in UTC, text values escaped, lines ended with CRLF and folded at 75 octets without
 * splitting a UTF-8 character.
 */
import type { FollowUpRecord } from '../db/records';

/** How long the calendar event lasts: the follow-up is a moment, the calendar wants a slot. */
export const EVENT_MINUTES = 30;

const MAX_LINE_OCTETS = 75;
const CRLF = '\r\n';

export interface FollowUpCalendarInput {
  followUp: Pick<FollowUpRecord, 'id' | 'title' | 'due'>;
  /** The account as the rep reads it (its display name or domain). */
  account: string;
  /** The contact as the rep reads it, e.g. `Jane Cooper <jane@northwind.com>`; omitted when none. */
  contact?: string;
  /** When the file is made (DTSTAMP). */
  now: number;
  /** The labels of the description's lines, in the UI language. */
  labels?: { account: string; contact: string };
}

/** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks as `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A UTC DATE-TIME (RFC 5545 §3.3.5, form #2): `20260518T070000Z`. */
export function utcDateTime(instant: number): string {
  return new Date(instant)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

const encoder = new TextEncoder();

/**
 * Folds one content line (RFC 5545 §3.1): no line longer than 75 octets, continuation lines start with
 * a space, and a break never falls inside a character (code points are kept whole).
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** The follow-up as an `.ics` file's text. */
export function followUpIcs(input: FollowUpCalendarInput): string {
  const { followUp, account, contact, now } = input;
  const labels = input.labels ?? { account: 'Account', contact: 'Contact' };
  const description = [`${labels.account}: ${account}`];
  if (contact) description.push(`${labels.contact}: ${contact}`);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Dealside//Follow-ups//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(followUp.id)}@dealside`,
    `DTSTAMP:${utcDateTime(now)}`,
    `DTSTART:${utcDateTime(followUp.due)}`,
    `DTEND:${utcDateTime(followUp.due + EVENT_MINUTES * 60_000)}`,
    `SUMMARY:${escapeText(followUp.title)}`,
    `DESCRIPTION:${escapeText(description.join('\n'))}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** Characters file systems refuse or treat specially, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE_FILE_CHARACTERS = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g;
const MAX_FILE_STEM = 80;

/** A file name for the follow-up's calendar file: its title made safe, `.ics` added. */
export function icsFileName(title: string): string {
  const stem = [
    ...title
      .replace(UNSAFE_FILE_CHARACTERS, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^[.\s]+|[.\s]+$/g, ''),
  ]
    .slice(0, MAX_FILE_STEM)
    .join('')
    .trim();
  return `${stem || 'follow-up'}.ics`;
}
