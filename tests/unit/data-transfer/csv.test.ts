import { describe, expect, it } from 'vitest';
import {
  accountsCsv,
  csvCell,
  dealsCsv,
  followUpsCsv,
  notesCsv,
  toCsv,
} from '../../../lib/data-transfer/csv';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { account, contact, deal, followUp, note, T0 } from './rows';

/** A minimal RFC 4180 reader, to check that what we write reads back as written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index++;
    } else cell += char;
  }
  return rows;
}

describe('CSV for CRM importers', () => {
  it('quotes only what needs quoting, doubling quotes (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r')).toBe('"cr\r"');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    for (const dangerous of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tcmd', '＝1+1']) {
      expect(csvCell(dangerous).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('starts with a UTF-8 byte-order mark, has one header row and CRLF line ends', () => {
    const text = toCsv(
      ['A', 'B'],
      [
        ['1', '2'],
        ['中文', '🚚'],
      ],
    );
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toBe('\uFEFFA,B\r\n1,2\r\n中文,🚚\r\n');
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('writes notes that read back exactly, bodies with quotes, commas, line breaks and CJK included', () => {
    const body = 'Line one, with "quotes"\nLine two: 预算已批准 🚀\r\n=not a formula';
    const text = notesCsv(
      [
        note('n1', 'northwind-trading.com', {
          body,
          contactEmail: 'jane@northwind-trading.com',
          revision: 3,
        }),
      ],
      [account('northwind-trading.com', { displayName: 'Northwind' })],
    );
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([
      'Note ID',
      'Account key',
      'Account name',
      'Contact email',
      'Kind',
      'Body',
      'Created',
      'Updated',
      'Revision',
    ]);
    expect(rows[1]).toEqual([
      'n1',
      'northwind-trading.com',
      'Northwind',
      'jane@northwind-trading.com',
      'note',
      body,
      new Date(T0).toISOString(),
      new Date(T0).toISOString(),
      '3',
    ]);
  });

  it('lists accounts with their open deals’ stage names in the rep language, people, buying roles and ISO dates', () => {
    const text = accountsCsv({
      accounts: [account('xn--fiqs8s.cn', { industry: 'manufacturing' }), account('b.com')],
      deals: [
        deal('d1', 'xn--fiqs8s.cn', { stageId: 'discovery' }),
        deal('d2', 'xn--fiqs8s.cn', { stageId: 'negotiation' }),
        // Closed deals are not where the account stands.
        deal('d3', 'xn--fiqs8s.cn', { stageId: 'lead', outcome: 'lost', lostReason: 'price', closedAt: T0 }),
        deal('d4', 'b.com', { stageId: 'solution', outcome: 'won', closedAt: T0 }),
      ],
      contacts: [
        contact('wang@xn--fiqs8s.cn', 'xn--fiqs8s.cn', { roles: ['economic-buyer', 'user'] }),
        contact('li@xn--fiqs8s.cn', 'xn--fiqs8s.cn'),
      ],
      playbook: DEFAULT_PLAYBOOK,
      locale: 'zh-CN',
    });
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([
      'Account key',
      'Domain',
      'Name',
      'Stage',
      'Stage ID',
      'Industry',
      'People',
      'Created',
      'Updated',
      'Buying roles',
      'Open deals',
    ]);
    expect(rows[1]).toEqual([
      'xn--fiqs8s.cn',
      '中国.cn',
      '',
      '需求沟通; 谈判签约',
      'discovery; negotiation',
      'manufacturing',
      'li@xn--fiqs8s.cn; wang@xn--fiqs8s.cn',
      '2025-06-12T09:30:00.000Z',
      '2025-06-12T09:30:00.000Z',
      'wang@xn--fiqs8s.cn: economic-buyer, user',
      '2',
    ]);
    expect(rows[2]!.slice(3, 5)).toEqual(['', '']);
    expect(rows[2]![10]).toBe('0');
  });

  it('lists every deal, open and closed, with stage and lost reason in the rep language', () => {
    const text = dealsCsv({
      accounts: [account('northwind-trading.com', { displayName: 'Northwind' })],
      deals: [
        deal('d1', 'northwind-trading.com', {
          title: 'Pilot, 3 sites',
          value: 48_000.5,
          currency: 'EUR',
          closeDate: '2025-09-30',
          stageId: 'discovery',
        }),
        deal('d2', 'northwind-trading.com', {
          title: '=SUM(A1)',
          stageId: 'gone-stage',
          outcome: 'lost',
          lostReason: 'price',
          closedAt: T0 + 1000,
        }),
        deal('d3', 'contoso.com', { outcome: 'lost', lostReason: 'no-such-reason', closedAt: T0 }),
      ],
      contacts: [],
      playbook: DEFAULT_PLAYBOOK,
      locale: 'en',
    });
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([
      'Deal ID',
      'Account key',
      'Account',
      'Deal',
      'Value',
      'Currency',
      'Close date',
      'Stage',
      'Stage ID',
      'Outcome',
      'Lost reason',
      'Closed',
      'Created',
      'Updated',
    ]);
    const discovery = DEFAULT_PLAYBOOK.stages.find((stage) => stage.id === 'discovery')!.name.en;
    expect(rows[1]).toEqual([
      'd1',
      'northwind-trading.com',
      'Northwind',
      'Pilot, 3 sites',
      '48000.5',
      'EUR',
      '2025-09-30',
      discovery,
      'discovery',
      'open',
      '',
      '',
      new Date(T0).toISOString(),
      new Date(T0).toISOString(),
    ]);
    const price = DEFAULT_PLAYBOOK.lostReasons.find((reason) => reason.id === 'price')!.name.en;
    // A stage the playbook no longer has is named by its id; a formula is defused.
    expect(rows[2]!.slice(3, 12)).toEqual([
      "'=SUM(A1)",
      '',
      '',
      '',
      'gone-stage',
      'gone-stage',
      'lost',
      price,
      new Date(T0 + 1000).toISOString(),
    ]);
    // An account without a row is named by its domain; a reason the playbook no longer lists, by its id.
    expect(rows[3]!.slice(2, 3)).toEqual(['contoso.com']);
    expect(rows[3]![10]).toBe('no-such-reason');
  });

  it('lists follow-ups by due time with status, done and snooze instants', () => {
    const text = followUpsCsv(
      [
        followUp('late', 'a.com', { due: T0 + 2000, status: 'done', doneAt: T0 + 3000 }),
        followUp('early', 'a.com', { due: T0 + 1000, snoozedUntil: T0 + 1000, title: '-call back' }),
      ],
      [],
    );
    const rows = parseCsv(text.slice(1));
    expect(rows.map((row) => row[0])).toEqual(['Follow-up ID', 'early', 'late']);
    expect(rows[1]![4]).toBe("'-call back");
    expect(rows[2]![6]).toBe('done');
    expect(rows[2]![7]).toBe(new Date(T0 + 3000).toISOString());
    expect(rows[1]![2]).toBe('a.com');
  });
});
