/**
 * Before deals, an account row held its stage and checklist. Both the schema upgrade (migration 004)
 * and the import of an older export file turn such an account, with its stage events, into one open
 * deal here, so the two paths cannot disagree.
 */
import { RECORD_ID_MAX_LENGTH } from '../limits';
import { checklistStateSchema, dealRecordSchema, legacyAccountStageSchema, type DealRecord } from './records';

/**
 * The first deal of an account is named after it, so importing the same older file twice gives one
 * deal, not two. A key too long for an id (never a real domain) gets a random one.
 */
export function legacyDealId(accountKey: string): string {
  const id = `deal:${accountKey}`;
  return id.length <= RECORD_ID_MAX_LENGTH ? id : crypto.randomUUID();
}

/** An older account row without the stage and checklist its deal now holds. */
export function withoutLegacyStage<T extends Record<string, unknown>>(
  account: T,
): Omit<T, 'stageId' | 'checklist'> {
  const { stageId: _stageId, checklist: _checklist, ...rest } = account;
  void _stageId;
  void _checklist;
  return rest;
}

function instantOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;
}

/**
 * The open deal an older account row stands for, or null when the rep never staged it (no stage, no
 * ticked item, no stage move). Rows are taken as they are on disk: fields an old bug damaged fall back
 * to what the rest of the row says rather than losing the deal.
 */
export function legacyDealOf(
  account: Record<string, unknown>,
  stageEvents: readonly Record<string, unknown>[],
  now = Date.now(),
): DealRecord | null {
  if (typeof account.key !== 'string') return null;
  const legacy = legacyAccountStageSchema.safeParse(account);
  const stageId = legacy.success ? legacy.data.stageId : undefined;
  const checklist = checklistStateSchema.safeParse(account.checklist);
  const ticked = checklist.success ? checklist.data : {};
  const hasTicks = Object.values(ticked).some((items) => items.length > 0);
  if (!stageId && !hasTicks && stageEvents.length === 0) return null;

  const eventTimes = stageEvents.map((event) => instantOr(event.at, now));
  const updatedAt = instantOr(account.updatedAt, Math.max(0, ...eventTimes));
  const createdAt = Math.min(instantOr(account.createdAt, updatedAt), ...eventTimes);
  // Entered the current stage with the latest move to it; an account staged without an event (the
  // oldest versions) has been in it since it was last written.
  const enteredAt = stageEvents
    .filter((event) => event.to === stageId)
    .reduce<number | undefined>((latest, event) => Math.max(latest ?? 0, instantOr(event.at, 0)), undefined);
  const name =
    typeof account.displayName === 'string' && account.displayName.trim() ? account.displayName : account.key;

  return dealRecordSchema.parse({
    id: legacyDealId(account.key),
    accountKey: account.key,
    title: name.slice(0, 200),
    ...(stageId ? { stageId, stageEnteredAt: enteredAt ?? updatedAt } : {}),
    checklist: ticked,
    outcome: 'open',
    createdAt,
    updatedAt: Math.max(updatedAt, createdAt),
  });
}
