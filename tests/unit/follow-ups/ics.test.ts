import ICAL from 'ical.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EVENT_MINUTES,
  escapeText,
  followUpIcs,
  foldLine,
  icsFileName,
  utcDateTime,
} from '../../../lib/follow-ups/ics';

const DUE = Date.UTC(2026, 4, 18, 7, 0, 0); // Monday 18 May 2026, 9:00 in Berlin
const NOW = Date.UTC(2026, 4, 15, 14, 30, 12);

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevents = calendar.getAllSubcomponents('vevent');
  expect(vevents).toHaveLength(1);
  return { calendar, vevent: vevents[0]!, event: new ICAL.Event(vevents[0]!) };
}

function build(title: string, extra: { account?: string; contact?: string } = {}) {
  return followUpIcs({
    followUp: { id: 'f-123', title, due: DUE },
    account: extra.account ?? 'Northwind Trading',
    ...(extra.contact === undefined ? {} : { contact: extra.contact }),
    now: NOW,
  });
}

const octets = (line: string) => new TextEncoder().encode(line).length;

describe('a follow-up as an iCalendar file', () => {
  it('is one VEVENT with the uid, times in UTC, the title and the account and contact', () => {
    const text = build('Send the proposal', { contact: 'Jane Cooper <jane@northwind.com>' });
    const { calendar, vevent, event } = parse(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
    expect(event.uid).toBe('f-123@dealside');
    expect(event.summary).toBe('Send the proposal');
    expect(event.description).toBe('Account: Northwind Trading\nContact: Jane Cooper <jane@northwind.com>');
    expect(event.startDate.isDate).toBe(false);
    expect(event.startDate.zone?.tzid).toBe('UTC');
    expect(event.startDate.toJSDate().getTime()).toBe(DUE);
    expect(event.endDate.toJSDate().getTime()).toBe(DUE + EVENT_MINUTES * 60_000);
    const stamp = vevent.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.toJSDate().getTime()).toBe(NOW);
    expect(text).toContain('DTSTART:20260518T070000Z\r\n');
    expect(text).toContain('DTSTAMP:20260515T143012Z\r\n');
  });

  it('leaves the contact out of the description when there is none', () => {
    expect(parse(build('Call')).event.description).toBe('Account: Northwind Trading');
  });

  it('ends every line with CRLF and has no bare line feed or carriage return', () => {
    const text = build('Line one\nline two\r\nline three\rend');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it.each([
    ['commas, semicolons and backslashes', 'Quote: 3,000 units; ship via A\\B, then call'],
    ['line breaks', 'Call Jane\nAsk about the pilot\r\nThen send the quote'],
    ['Chinese text', '跟进报价单：确认预算，安排演示；下周一前回复'],
    ['emoji', '🚀 Launch call 🤝 with 👩🏽‍💼 team 🎉'],
    ['a long mixed title', `${'跟进 follow-up, 🚀; '.repeat(30)}end`],
  ])('round-trips a title with %s', (_, title) => {
    const text = build(title, { account: 'Acme; Inc, 北京', contact: '王芳 <wang@acme.cn>' });
    const { event } = parse(text);
    expect(event.summary).toBe(title.replace(/\r\n|\r/g, '\n'));
    expect(event.description).toBe('Account: Acme; Inc, 北京\nContact: 王芳 <wang@acme.cn>');
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('round-trips any title, and folds every line at 75 octets', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }), (title) => {
        const text = build(title);
        for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
        expect(parse(text).event.summary).toBe(title.replace(/\r\n|\r/g, '\n'));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the parts', () => {
  it('escapes text values', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('writes UTC date-times', () => {
    expect(utcDateTime(Date.UTC(2026, 0, 2, 3, 4, 5, 678))).toBe('20260102T030405Z');
  });

  it('folds without splitting a character and starts continuations with a space', () => {
    const line = `SUMMARY:${'中'.repeat(40)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(folded.map((part, index) => (index === 0 ? part : part.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('names the file after the title, safely', () => {
    expect(icsFileName('Send the proposal')).toBe('Send the proposal.ics');
    expect(icsFileName('Q3: plan/review? <v2> "final"')).toBe('Q3 plan review v2 final.ics');
    expect(icsFileName('..\\..\\etc/passwd')).toBe('etc passwd.ics');
    expect(icsFileName('跟进\n报价 🚀')).toBe('跟进 报价 🚀.ics');
    expect(icsFileName('///')).toBe('follow-up.ics');
    expect(icsFileName('x'.repeat(300))).toBe(`${'x'.repeat(80)}.ics`);
  });
});
