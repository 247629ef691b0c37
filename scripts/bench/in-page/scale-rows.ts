/**
 * The rows of the large database the data benchmarks seed: 10,000 accounts with their people, 100,000
 * notes, 100,000 stage events, a SPIN log and up to 100,000 follow-ups. Every row is a pure function of
 * its index and the seeding moment, so the benchmark process and the extension page agree on which rows
 * exist (which account is the big one, which follow-ups are open) without sending them across, and the
 * follow-ups can be seeded in two steps (50,000, then 50,000 more) with one distribution.
 *
 * Shapes follow lib/db/records.ts; the page validates every row with those schemas before writing it.
 */
import type {
  AccountRecord,
  DealRecord,
  ContactRecord,
  FollowUpRecord,
  NoteRecord,
  QuestionLogRecord,
  StageEventRecord,
  TouchRecord,
} from '../../../lib/db/records';
import { visitKey } from '../../../lib/touches/visit-key';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

export const SCALE = {
  accounts: 10_000,
  notes: 100_000,
  stageEvents: 100_000,
  /** Stage events per account (the same for all, so the total is exact). */
  eventsPerAccount: 10,
  questionLog: 30_000,
  /** Follow-ups for the panel benchmark; the popup benchmark adds the rest. */
  panelFollowUps: 50_000,
  popupFollowUps: 100_000,
  bigAccountNotes: 2_000,
  typicalAccountNotes: 10,
  /** The busy account's deals (its open one among them) and touches. */
  busyAccountDeals: 20,
  busyAccountTouches: 200,
} as const;

/** Account 0: the big customer, on the Gmail fixture's first thread (Jane Cooper). */
export const BIG_ACCOUNT = 'northwind-trading.com';
/** Account 1: a typical customer, on the fixture's second thread (Oliver Grant). */
export const TYPICAL_ACCOUNT = 'contoso-industrial.co.uk';
/**
 * Account 2: a customer worked for years, on the fixture's third thread (Mei Lin): 20 deals (renewals and
 * expansions, most of them closed) and 200 touches, besides a typical share of notes.
 */
export const BUSY_ACCOUNT = 'harbourline-logistics.com';
export const BUSY_ACCOUNT_INDEX = 2;

const STAGES = ['lead', 'discovery', 'solution', 'negotiation', 'after-sales'] as const;
const INDUSTRIES = ['manufacturing', 'services', 'software'] as const;

/** A number in [0, 1) from a stream and an index (a 32-bit integer hash; no state, so any order works). */
export function unit(stream: number, index: number, salt = 0): number {
  let h =
    Math.imul(stream + 1, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b) ^ Math.imul(salt + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 4_294_967_296;
}

const STREAM = {
  account: 1,
  contact: 2,
  note: 3,
  event: 4,
  question: 5,
  followUp: 6,
  noteCount: 7,
  deal: 8,
  touch: 9,
};

const pick = <T>(items: readonly T[], r: number): T => items[Math.floor(r * items.length)]!;
const whole = (value: number): number => Math.max(0, Math.round(value));

export function accountKey(index: number): string {
  if (index === 0) return BIG_ACCOUNT;
  if (index === 1) return TYPICAL_ACCOUNT;
  if (index === BUSY_ACCOUNT_INDEX) return BUSY_ACCOUNT;
  return `customer-${String(index).padStart(5, '0')}.com`;
}

/** People per account: one to three, with the fixture's customers first on their accounts. */
export function contactCount(index: number): number {
  return index === 0 ? 12 : 1 + Math.floor(unit(STREAM.contact, index) * 3);
}

export function contactEmail(index: number, person: number): string {
  if (index === 0 && person === 0) return 'jane.cooper@northwind-trading.com';
  if (index === 1 && person === 0) return 'oliver.grant@contoso-industrial.co.uk';
  if (index === BUSY_ACCOUNT_INDEX && person === 0) return 'mei.lin@harbourline-logistics.com';
  return `buyer${person}@${accountKey(index)}`;
}

function accountCreatedAt(index: number, now: number): number {
  return whole(now - 720 * DAY_MS + unit(STREAM.account, index) * 20 * DAY_MS);
}

function accountUpdatedAt(index: number, now: number): number {
  return whole(now - unit(STREAM.account, index, 3) * 30 * DAY_MS);
}

export function accountRow(index: number, now: number): AccountRecord {
  return {
    key: accountKey(index),
    displayName: index === 0 ? 'Northwind Trading' : index === 1 ? 'Contoso Industrial' : `Customer ${index}`,
    industry: pick(INDUSTRIES, unit(STREAM.account, index, 1)),
    createdAt: accountCreatedAt(index, now),
    updatedAt: accountUpdatedAt(index, now),
  };
}

export function dealId(index: number): string {
  return `bench-deal-${index}`;
}

const CURRENCIES = ['CNY', 'USD', 'EUR'] as const;

/** A close day from 60 days ago to 300 days ahead, as the pipeline's filters see them. */
function closeDay(index: number, now: number): string {
  const date = new Date(now + (unit(STREAM.deal, index, 3) * 360 - 60) * DAY_MS);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Each account's one open deal, in the stage its stage events lead to, entered on its last one; most
 * have a value (in one of three currencies) and a close day, as a pipeline has them.
 */
export function dealRow(index: number, now: number): DealRecord {
  const stage = finalStage(index);
  const valued = unit(STREAM.deal, index) < 0.85;
  return {
    id: dealId(index),
    accountKey: accountKey(index),
    title: `Deal ${index}`,
    ...(valued
      ? {
          value: Math.round(1_000 + unit(STREAM.deal, index, 1) * 500_000),
          currency: pick(CURRENCIES, unit(STREAM.deal, index, 2)),
        }
      : {}),
    ...(unit(STREAM.deal, index, 4) < 0.8 ? { closeDate: closeDay(index, now) } : {}),
    stageId: stage,
    stageEnteredAt: lastStageEventAt(index, now),
    checklist: unit(STREAM.account, index, 2) < 0.5 ? { [stage]: ['bench-item-1'] } : {},
    outcome: 'open',
    createdAt: accountCreatedAt(index, now),
    updatedAt: accountUpdatedAt(index, now),
  };
}

const LOST_REASONS = ['price', 'competitor', 'no-budget', 'no-decision'] as const;

/**
 * The busy account's deals besides its open one (`dealRow(2)`), `n` from 1: two more open, the rest
 * won or lost over the past three years, each in the stage it ended in.
 */
export function busyAccountDealRow(n: number, now: number): DealRecord {
  const createdAt = whole(now - (1_100 - n * 50) * DAY_MS);
  const r = unit(STREAM.deal, 100_000 + n);
  const base = {
    id: `${dealId(BUSY_ACCOUNT_INDEX)}-${n}`,
    accountKey: BUSY_ACCOUNT,
    title: n % 2 ? `Renewal ${2023 + Math.floor(n / 7)} (${n})` : `Expansion, depot ${n}`,
    value: Math.round(5_000 + r * 200_000),
    currency: 'CNY',
    createdAt,
  };
  if (n <= 2) {
    const stageEnteredAt = whole(now - r * 30 * DAY_MS);
    return {
      ...base,
      closeDate: closeDay(BUSY_ACCOUNT_INDEX + n, now),
      stageId: pick(STAGES, r),
      stageEnteredAt,
      checklist: {},
      outcome: 'open',
      updatedAt: stageEnteredAt,
    };
  }
  const closedAt = whole(createdAt + (20 + r * 60) * DAY_MS);
  const won = unit(STREAM.deal, 100_000 + n, 1) < 0.6;
  return {
    ...base,
    stageId: won ? 'after-sales' : pick(STAGES.slice(0, 4), r),
    stageEnteredAt: closedAt,
    checklist: {},
    outcome: won ? 'won' : 'lost',
    ...(won ? {} : { lostReason: pick(LOST_REASONS, unit(STREAM.deal, 100_000 + n, 2)) }),
    closedAt,
    updatedAt: closedAt,
  };
}

/**
 * The busy account's touches, newest first: the rep opened one of its people's threads every day or two
 * (each visit a distinct thread and day, as the store's `by-visit` index demands).
 */
export function busyAccountTouchRow(n: number, now: number): TouchRecord {
  const at = whole(now - (n * 1.5 + unit(STREAM.touch, n)) * DAY_MS);
  const person = Math.floor(unit(STREAM.touch, n, 1) * contactCount(BUSY_ACCOUNT_INDEX));
  const thread = `FMfcgzBench${String(n).padStart(5, '0')}`;
  const url = `https://mail.google.com/mail/u/0/#inbox/${thread}`;
  return {
    id: `bench-touch-${n}`,
    accountKey: BUSY_ACCOUNT,
    contactEmail: contactEmail(BUSY_ACCOUNT_INDEX, person),
    at,
    site: 'gmail',
    title: `Re: Depot ${n % 12} delivery schedule`,
    url,
    visitKey: visitKey('gmail', url, at),
  };
}

export function contactRow(index: number, person: number, now: number): ContactRecord {
  const seenAt = whole(now - unit(STREAM.contact, index, person + 1) * 90 * DAY_MS);
  return {
    email: contactEmail(index, person),
    accountKey: accountKey(index),
    name: `Buyer ${index}-${person}`,
    lastSeenUrl: `https://mail.google.com/mail/u/0/#inbox/bench${index}x${person}`,
    lastSeenAt: seenAt,
    createdAt: whole(now - 700 * DAY_MS),
    updatedAt: seenAt,
  };
}

/** Stage events of one account: mostly forward, sometimes skipping a stage, sometimes back. */
export function stageEventRows(index: number, now: number, firstId: number): StageEventRecord[] {
  const rows: StageEventRecord[] = [];
  let at = whole(now - (80 + unit(STREAM.event, index) * 620) * DAY_MS);
  let stage = 0;
  let from: string | undefined;
  for (let step = 0; step < SCALE.eventsPerAccount; step++) {
    const move = unit(STREAM.event, index, step + 1);
    stage = Math.max(
      0,
      Math.min(STAGES.length - 1, stage + (move < 0.15 ? -1 : move < 0.3 ? 2 : move < 0.85 ? 1 : 0)),
    );
    const to = STAGES[stage]!;
    at = Math.min(now, at + whole(unit(STREAM.event, index, step + 100) * 16 * DAY_MS));
    rows.push({
      id: `bench-event-${firstId + step}`,
      accountKey: accountKey(index),
      dealId: dealId(index),
      ...(from ? { from } : {}),
      to,
      at,
    });
    from = to;
  }
  return rows;
}

function finalStage(index: number): string {
  const events = stageEventRows(index, 0, 0);
  return events[events.length - 1]!.to;
}

function lastStageEventAt(index: number, now: number): number {
  const events = stageEventRows(index, now, 0);
  return events[events.length - 1]!.at;
}

const ENGLISH = [
  'Discussed the warehouse pilot and the budget for next quarter.',
  'They want the pricing by Friday; the CFO signs off on anything above the threshold.',
  'Met at the café near their office; the team in Zürich runs the rollout.',
  'Follow up on the security questionnaire and the data residency question.',
  'Señor Müller asked about integration with their ERP and the training plan.',
  'Procurement needs three references in logistics before the framework agreement.',
  'Call with the operations lead: two sites first, the rest after the summer.',
];
const CHINESE = [
  '客户希望下周收到报价单,并安排技术交流。',
  '采购部关注交付周期和售后服务条款。',
  '对方财务总监需要看到投资回报分析。',
  '试点仓库已经确定,下一步是签署保密协议。',
  '客户对上一版方案的实施周期有疑问,需要重新评估。',
];

function noteBody(id: number): string {
  const sentences = 2 + Math.floor(unit(STREAM.note, id, 1) * 3);
  const parts: string[] = [];
  for (let s = 0; s < sentences; s++) {
    const r = unit(STREAM.note, id, 10 + s);
    parts.push(r < 0.35 ? pick(CHINESE, r / 0.35) : pick(ENGLISH, (r - 0.35) / 0.65));
  }
  return `${parts.join(' ')} #${id}`;
}

/**
 * Notes per account, summing to exactly `SCALE.notes`: 2,000 for the big account, 10 for the typical
 * one, and for the others mostly 5–15 (a tenth have 0–4, one in fifty has 20–60).
 */
export function noteCounts(): number[] {
  const counts = Array.from({ length: SCALE.accounts }, (_, index) => {
    if (index === 0) return SCALE.bigAccountNotes;
    if (index === 1) return SCALE.typicalAccountNotes;
    const r = unit(STREAM.noteCount, index);
    if (r < 0.1) return Math.floor(unit(STREAM.noteCount, index, 1) * 5);
    if (r < 0.12) return 20 + Math.floor(unit(STREAM.noteCount, index, 1) * 41);
    return 5 + Math.floor(unit(STREAM.noteCount, index, 1) * 11);
  });
  let total = counts.reduce((sum, count) => sum + count, 0);
  // Even out to the exact total, one note at a time, on accounts that stay within 5–15.
  for (let step = 0; total !== SCALE.notes; step++) {
    const index = 2 + Math.floor(unit(STREAM.noteCount, step, 2) * (SCALE.accounts - 2));
    const count = counts[index]!;
    if (total < SCALE.notes && count >= 5 && count < 15) {
      counts[index] = count + 1;
      total++;
    } else if (total > SCALE.notes && count > 5 && count <= 15) {
      counts[index] = count - 1;
      total--;
    }
  }
  return counts;
}

export function noteRow(id: number, account: number, now: number): NoteRecord {
  const createdAt = whole(now - unit(STREAM.note, id, 2) * 700 * DAY_MS);
  const edited = unit(STREAM.note, id, 3) < 0.2;
  const person = Math.floor(unit(STREAM.note, id, 4) * contactCount(account));
  return {
    id: `bench-note-${id}`,
    accountKey: accountKey(account),
    ...(unit(STREAM.note, id, 5) < 0.6 ? { contactEmail: contactEmail(account, person) } : {}),
    kind: unit(STREAM.note, id, 6) < 0.2 ? 'call' : 'note',
    body: noteBody(id),
    createdAt,
    updatedAt: edited ? Math.min(now, createdAt + whole(unit(STREAM.note, id, 7) * 3 * DAY_MS)) : createdAt,
    revision: edited ? 2 : 1,
  };
}

export function questionLogRow(id: number, now: number): QuestionLogRecord {
  const account = Math.floor(unit(STREAM.question, id) * SCALE.accounts);
  const questionId = `bench-q-${id}`;
  return {
    id: `${accountKey(account)}\u0000${questionId}`,
    accountKey: accountKey(account),
    questionId,
    spinType: pick(['S', 'P', 'I', 'N'] as const, unit(STREAM.question, id, 1)),
    askedAt: whole(now - unit(STREAM.question, id, 2) * 500 * DAY_MS),
  };
}

/**
 * What a follow-up is, by index: 40 in 100,000 open and due within the popup's next seven days (from two
 * hours ahead, so no reminder rings during a run), 20 open and overdue, 1 % proposed by the cadence, a
 * quarter open and due later (10–365 days ahead), the rest done (due in the past two years).
 */
export type FollowUpKind = 'due-soon' | 'overdue' | 'proposed' | 'open-later' | 'done';

export function followUpKind(id: number): FollowUpKind {
  if (id % 2500 === 0) return 'due-soon';
  if (id % 5000 === 1250) return 'overdue';
  const r = unit(STREAM.followUp, id);
  if (r < 0.01) return 'proposed';
  if (r < 0.25) return 'open-later';
  return 'done';
}

const TITLES = [
  'Send the revised quote',
  'Call back about the pilot',
  'Book the site survey',
  '发送报价单',
  '确认试点范围',
  'Check in after the demo',
];

/** One follow-up in 200 belongs to the big account; the rest are spread over the other accounts. */
export function followUpAccount(id: number): number {
  return id % 200 === 3 ? 0 : 1 + Math.floor(unit(STREAM.followUp, id, 1) * (SCALE.accounts - 1));
}

export function followUpRow(id: number, now: number): FollowUpRecord {
  const account = followUpAccount(id);
  const kind = followUpKind(id);
  const r = unit(STREAM.followUp, id, 2);
  const person = Math.floor(unit(STREAM.followUp, id, 3) * contactCount(account));
  const base = {
    id: `bench-followup-${id}`,
    accountKey: accountKey(account),
    ...(unit(STREAM.followUp, id, 4) < 0.6 ? { contactEmail: contactEmail(account, person) } : {}),
    title: `${pick(TITLES, unit(STREAM.followUp, id, 5))} (${id})`,
  };
  switch (kind) {
    case 'due-soon': {
      const createdAt = whole(now - r * 20 * DAY_MS);
      return {
        ...base,
        due: whole(now + 2 * HOUR_MS + r * 7 * DAY_MS),
        status: 'open',
        source: 'manual',
        createdAt,
        updatedAt: createdAt,
      };
    }
    case 'overdue': {
      const due = whole(now - HOUR_MS - r * 10 * DAY_MS);
      return {
        ...base,
        due,
        status: 'open',
        source: 'manual',
        createdAt: due - 7 * DAY_MS,
        updatedAt: due - 7 * DAY_MS,
      };
    }
    case 'proposed': {
      const createdAt = whole(now - r * 2 * DAY_MS);
      return {
        ...base,
        due: whole(now + (1 + r * 30) * DAY_MS),
        status: 'proposed',
        source: 'plan',
        planStepId: 'bench-step',
        createdAt,
        updatedAt: createdAt,
      };
    }
    case 'open-later': {
      const createdAt = whole(now - r * 60 * DAY_MS);
      return {
        ...base,
        due: whole(now + (10 + r * 355) * DAY_MS),
        status: 'open',
        source: 'manual',
        createdAt,
        updatedAt: createdAt,
      };
    }
    case 'done': {
      const due = whole(now - (1 + r * 729) * DAY_MS);
      const createdAt = due - 14 * DAY_MS;
      const doneAt = Math.max(createdAt, whole(due + (unit(STREAM.followUp, id, 6) - 0.6) * 5 * DAY_MS));
      return { ...base, due, status: 'done', doneAt, source: 'manual', createdAt, updatedAt: doneAt };
    }
  }
}
