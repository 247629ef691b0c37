/**
 * Importing a file exported before deals (database version 3 and older), whose accounts carry their stage
 * and ticked items: each staged account becomes one open deal `deal:<account key>`, its stage events name
 * that deal, and importing the file again — or into a database the upgrade already moved — gives that one
 * deal, never a second.
 */
import { describe, expect, it } from 'vitest';
import { withDealsFromAccounts } from '../../../lib/data-transfer/before-deals';
import { importRows, previewImportRows, readSnapshot } from '../../../lib/data-transfer/database';
import { readImportText } from '../../../lib/data-transfer/read-import';
import { getAccount } from '../../../lib/db/accounts';
import { getDeal, listAccountDeals } from '../../../lib/db/deals';
import { migrations } from '../../../lib/db/migrations';
import { openDealsideDb } from '../../../lib/db/open';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import { freshDb } from '../db/helpers';
import { contact, emptyRows, followUp, note, stageEvent, T0 } from './rows';

const NORTHWIND = 'northwind-trading.com';
const CONTOSO = 'contoso.com';
const SEEN_ONLY = 'seen-only.example';
const DAY = 86_400_000;

/** Account rows as versions 1–3 wrote them. */
const legacyAccounts = [
  {
    key: NORTHWIND,
    displayName: 'Northwind 贸易',
    industry: 'manufacturing',
    stageId: 'solution',
    checklist: { lead: ['fit-check', 'contact-plan'], discovery: ['current-situation'] },
    createdAt: T0,
    updatedAt: T0 + 9 * DAY,
  },
  // Ticked an item, never staged.
  { key: CONTOSO, checklist: { lead: ['fit-check'] }, createdAt: T0 + DAY, updatedAt: T0 + 2 * DAY },
  // Only seen: no deal.
  { key: SEEN_ONLY, checklist: {}, createdAt: T0, updatedAt: T0 },
];

const legacyEvents = [
  stageEvent('e1', NORTHWIND, { to: 'lead', at: T0 + DAY }),
  stageEvent('e2', NORTHWIND, { from: 'lead', to: 'discovery', at: T0 + 3 * DAY }),
  stageEvent('e3', NORTHWIND, { from: 'discovery', to: 'solution', at: T0 + 6 * DAY }),
];

/** The text of an export written by database version 3: no deals list, the stage on the account. */
function version3File(): string {
  return JSON.stringify({
    format: 'dealside-export',
    version: 1,
    exportedAt: new Date(T0 + 10 * DAY).toISOString(),
    schemaVersion: 3,
    accounts: legacyAccounts,
    contacts: [contact('jane.cooper@northwind-trading.com', NORTHWIND, { name: 'Jane Cooper' })],
    notes: [note('n1', NORTHWIND)],
    followUps: [followUp('f1', NORTHWIND)],
    stageEvents: legacyEvents,
    questionLog: [],
    playbook: null,
    settings: DEFAULT_SETTINGS,
  });
}

function read(text: string) {
  const result = readImportText(text);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problem)}`);
  return result.file;
}

const northwindDeal = {
  id: `deal:${NORTHWIND}`,
  accountKey: NORTHWIND,
  title: 'Northwind 贸易',
  stageId: 'solution',
  // Entered its stage with the move to it.
  stageEnteredAt: T0 + 6 * DAY,
  checklist: { lead: ['fit-check', 'contact-plan'], discovery: ['current-situation'] },
  outcome: 'open',
  createdAt: T0,
  updatedAt: T0 + 9 * DAY,
};

describe('a file from before deals', () => {
  it('is read with a deal per staged account, and stage events that name it', () => {
    const file = read(version3File());
    expect(file.deals).toEqual([
      northwindDeal,
      {
        id: `deal:${CONTOSO}`,
        accountKey: CONTOSO,
        title: CONTOSO,
        checklist: { lead: ['fit-check'] },
        outcome: 'open',
        createdAt: T0 + DAY,
        updatedAt: T0 + 2 * DAY,
      },
    ]);
    // Accounts as they are now: no stage, no checklist.
    expect(file.accounts).toEqual([
      {
        key: NORTHWIND,
        displayName: 'Northwind 贸易',
        industry: 'manufacturing',
        createdAt: T0,
        updatedAt: T0 + 9 * DAY,
      },
      { key: CONTOSO, createdAt: T0 + DAY, updatedAt: T0 + 2 * DAY },
      { key: SEEN_ONLY, createdAt: T0, updatedAt: T0 },
    ]);
    expect(file.stageEvents.map((event) => [event.id, event.dealId])).toEqual([
      ['e1', `deal:${NORTHWIND}`],
      ['e2', `deal:${NORTHWIND}`],
      ['e3', `deal:${NORTHWIND}`],
    ]);
    // The account's follow-ups moved that deal forward; notes are read as they are.
    expect(file.followUps).toEqual([{ ...followUp('f1', NORTHWIND), dealId: `deal:${NORTHWIND}` }]);
    expect(file.notes).toEqual([note('n1', NORTHWIND)]);
  });

  it('imports as accounts with their deals; importing it twice gives one deal each', async () => {
    const { db } = await freshDb();
    const plan = await importRows(db, read(version3File()));
    expect(plan.counts.deals).toEqual({ inFile: 2, added: 2, updated: 0, unchanged: 0, keptLocal: 0 });
    expect(await listAccountDeals(db, NORTHWIND)).toEqual([northwindDeal]);
    expect(await listAccountDeals(db, CONTOSO)).toHaveLength(1);
    expect(await listAccountDeals(db, SEEN_ONLY)).toEqual([]);
    expect(await getAccount(db, NORTHWIND)).not.toHaveProperty('stageId');
    expect((await db.get('accounts', NORTHWIND)) as Record<string, unknown>).not.toHaveProperty('checklist');
    const events = await db.getAllFromIndex('stageEvents', 'by-account', NORTHWIND);
    expect(events.every((event) => event.dealId === `deal:${NORTHWIND}`)).toBe(true);

    const before = await readSnapshot(db);
    const again = read(version3File());
    expect((await previewImportRows(db, again)).changedRows).toBe(0);
    expect((await importRows(db, again)).changedRows).toBe(0);
    expect(await readSnapshot(db)).toEqual(before);
    expect(await db.count('deals')).toBe(2);
  });

  it('meets a database the upgrade already moved with the same deal, not a second one', async () => {
    const name = `before-deals-upgraded-${process.pid}`;
    const v3 = await openDealsideDb({ name, targetVersion: 3, migrations: migrations.slice(0, 3) });
    for (const account of legacyAccounts) await v3.put('accounts', account as never);
    for (const event of legacyEvents) await v3.put('stageEvents', event);
    v3.close();
    const db = await openDealsideDb({ name });
    try {
      expect(await getDeal(db, `deal:${NORTHWIND}`)).toEqual(northwindDeal);
      const file = read(version3File());
      const preview = await previewImportRows(db, file);
      expect(preview.counts.deals).toMatchObject({ inFile: 2, added: 0, updated: 0, unchanged: 2 });
      expect(preview.counts.stageEvents).toMatchObject({ added: 0, unchanged: 3 });
      await importRows(db, file);
      expect(await db.count('deals')).toBe(2);
      expect(await listAccountDeals(db, NORTHWIND)).toEqual([northwindDeal]);
    } finally {
      db.close();
    }
  });

  it('keeps a deal the rep moved on since, when the older file comes in', async () => {
    const { db } = await freshDb();
    await importRows(db, read(version3File()));
    const moved = {
      ...northwindDeal,
      stageId: 'negotiation',
      stageEnteredAt: T0 + 20 * DAY,
      updatedAt: T0 + 20 * DAY,
    };
    await db.put('deals', moved as never);
    const plan = await importRows(db, read(version3File()));
    expect(plan.counts.deals).toMatchObject({ keptLocal: 1, unchanged: 1 });
    expect(await getDeal(db, `deal:${NORTHWIND}`)).toEqual(moved);
  });

  it('refuses keys an account of that time never had', () => {
    const crafted = JSON.parse(version3File()) as { accounts: Record<string, unknown>[] };
    crafted.accounts[0]!.pipeline = 'x';
    const result = readImportText(JSON.stringify(crafted));
    expect(result.ok).toBe(false);
    // A file of the current version has no stage on its accounts at all.
    const current = JSON.parse(version3File()) as Record<string, unknown>;
    const refused = readImportText(JSON.stringify({ ...current, schemaVersion: 4, deals: [] }));
    expect(refused).toMatchObject({ ok: false, problem: { kind: 'invalid' } });
  });
});

describe('withDealsFromAccounts', () => {
  it('leaves a stage event that already names a deal as it is', () => {
    const rows = withDealsFromAccounts(
      {
        ...emptyRows(),
        accounts: [{ key: CONTOSO, stageId: 'lead', createdAt: T0, updatedAt: T0 } as never],
        stageEvents: [
          stageEvent('mine', CONTOSO, { dealId: 'named', to: 'lead', at: T0 }),
          stageEvent('old', CONTOSO, { to: 'lead', at: T0 }),
        ],
      },
      T0 + DAY,
    );
    expect(rows.deals.map((deal) => [deal.id, deal.stageId])).toEqual([[`deal:${CONTOSO}`, 'lead']]);
    expect(rows.stageEvents.map((event) => [event.id, event.dealId])).toEqual([
      ['mine', 'named'],
      ['old', `deal:${CONTOSO}`],
    ]);
  });
});
