import { describe, expect, it } from 'vitest';
import { accountNotesMarkdown, localMinute, type MarkdownLabels } from '../../../lib/data-transfer/markdown';
import { account, contact, note, T0 } from './rows';

const labels: MarkdownLabels = {
  account: 'Account',
  stage: 'Stage',
  industry: 'Industry',
  people: 'People',
  roles: (roles) => roles.join(' & '),
  note: 'Note',
  call: 'Call',
  noNotes: 'No notes yet.',
  omitted: (count) => `${count} older notes are not included.`,
};

describe("an account's notes as Markdown", () => {
  const key = 'northwind-trading.com';
  const jane = contact('jane@northwind-trading.com', key, {
    name: 'Jane Cooper',
    roles: ['decision-maker', 'champion'],
  });

  it('has the account, its facts (people with their roles), then every note newest first with date, kind and person', () => {
    const result = accountNotesMarkdown(
      {
        accountKey: key,
        account: account(key, { displayName: 'Northwind\nTrading', industry: 'manufacturing' }),
        stageName: 'Needs discovery',
        contacts: [jane, contact('ops@northwind-trading.com', key)],
        notes: [
          note('b', key, {
            kind: 'call',
            body: 'Call: budget approved 预算已批准\n\n- next: pilot',
            createdAt: T0 + 3_600_000,
            contactEmail: jane.email,
          }),
          note('a', key, { body: '  First meeting.  ', contactEmail: 'unknown@northwind-trading.com' }),
        ],
      },
      labels,
      1_000_000,
    );
    expect(result.noteCount).toBe(2);
    expect(result.omittedNotes).toBe(0);
    expect(result.markdown).toBe(
      [
        '# Northwind Trading',
        '',
        '- Account: northwind-trading.com',
        '- Stage: Needs discovery',
        '- Industry: manufacturing',
        '- People: Jane Cooper <jane@northwind-trading.com> (decision-maker & champion), ops@northwind-trading.com',
        '',
        `## ${localMinute(T0 + 3_600_000)} · Call · Jane Cooper`,
        '',
        'Call: budget approved 预算已批准\n\n- next: pilot',
        '',
        `## ${localMinute(T0)} · Note · unknown@northwind-trading.com`,
        '',
        'First meeting.',
        '',
      ].join('\n'),
    );
  });

  it('uses the Unicode domain without a record, and says when there are no notes', () => {
    const result = accountNotesMarkdown(
      { accountKey: 'xn--fiqs8s.cn', contacts: [], notes: [] },
      labels,
      1000,
    );
    expect(result.markdown).toBe('# 中国.cn\n\n- Account: 中国.cn\n\n_No notes yet._\n');
  });

  it('writes IDN addresses in Unicode: the file is for people to read', () => {
    const bakery = 'xn--bckerei-hoffmann-vnb.de';
    const anna = contact(`anna@${bakery}`, bakery, { name: 'Anna Hoffmann' });
    const result = accountNotesMarkdown(
      {
        accountKey: bakery,
        contacts: [anna, contact(`jonas@${bakery}`, bakery)],
        notes: [note('a', bakery, { body: 'Angebot', createdAt: T0, contactEmail: `jonas@${bakery}` })],
      },
      labels,
      1000,
    );
    expect(result.markdown).toContain(
      '- People: Anna Hoffmann <anna@bäckerei-hoffmann.de>, jonas@bäckerei-hoffmann.de',
    );
    expect(result.markdown).toContain(`## ${localMinute(T0)} · Note · jonas@bäckerei-hoffmann.de`);
    expect(result.markdown).not.toContain('xn--');
  });

  it('stops at the size limit and says how many older notes were left out', () => {
    const notes = Array.from({ length: 10 }, (_, index) => note(`n${index}`, key, { body: 'x'.repeat(100) }));
    const result = accountNotesMarkdown({ accountKey: key, contacts: [], notes }, labels, 500);
    expect(result.noteCount).toBe(3);
    expect(result.omittedNotes).toBe(7);
    expect(result.markdown).toContain('_7 older notes are not included._');
  });

  it('formats minutes in local time, zero-padded', () => {
    expect(localMinute(new Date(2025, 0, 2, 3, 4).getTime())).toBe('2025-01-02 03:04');
  });
});
