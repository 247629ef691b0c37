/**
 * The pipeline page's cards, kept in the background between requests. Reading every open deal with its
 * follow-ups, account, people and last touch costs seconds at 10,000 deals; the page opens in a fraction
 * of that when the cards are already known. So the first request reads everything (./pipeline-query.ts),
 * and every committed write after it (lib/db/committed-changes.ts) marks the accounts it concerns; the
 * next request re-reads only those accounts. A change whose accounts cannot be told (a store cleared, a
 * touch deleted by key) or a new database connection means reading everything again.
 *
 * The facts live as long as the service worker: a worker that was stopped starts with none.
 */
import { onCommittedChanges, type StoreChange } from '../db/committed-changes';
import type { Db } from '../db/open';
import type { PipelineDeal, PipelineView } from '../messaging/protocol';
import { firstCardsByStage } from '../pipeline/board';
import { patchPipelineFacts, pipelineDeals, readPipelineFacts, type PipelineFacts } from './pipeline-query';

const PIPELINE_STORES: ReadonlySet<string> = new Set([
  'accounts',
  'deals',
  'followUps',
  'contacts',
  'touches',
]);

/**
 * Changes kept waiting for the next request at most; past that (an import, a long day of browsing
 * without opening the page) reading everything again is as quick as patching, and holds no memory.
 */
const MAX_PENDING_CHANGES = 2_000;

/** Rounds of patching one request waits for while writes keep coming; then it answers what it has. */
const MAX_REFRESH_ROUNDS = 3;

/** The accounts a batch of committed changes concerns, or `'all'` when that cannot be told. */
export function accountsConcerned(
  changes: readonly StoreChange[],
  facts: PipelineFacts,
): Set<string> | 'all' {
  const accounts = new Set<string>();
  const add = (key: string | undefined) => {
    if (key !== undefined) accounts.add(key);
  };
  const accountOfValue = (value: unknown) => {
    const key = (value as { accountKey?: unknown } | undefined)?.accountKey;
    return typeof key === 'string' ? key : undefined;
  };
  for (const change of changes) {
    if (!PIPELINE_STORES.has(change.store)) continue;
    if (change.kind === 'clear' || typeof change.key !== 'string') return 'all';
    const key = change.key as string;
    const value = change.kind === 'put' ? change.value : undefined;
    switch (change.store) {
      case 'accounts':
        add(key);
        break;
      case 'deals':
        // Where it is now and where it was: a deal moved between accounts leaves one and joins another.
        add(accountOfValue(value));
        add(facts.deals.get(key)?.accountKey);
        break;
      case 'followUps':
        add(accountOfValue(value));
        // A follow-up that was some deal's next step: that step must be found anew.
        for (const step of facts.steps.values()) if (step.id === key) add(step.accountKey);
        break;
      case 'contacts':
        add(accountOfValue(value));
        // The person who gave an account its page to go back to: that account must be looked at anew.
        for (const [account, known] of facts.accounts) if (known.pageContact === key) add(account);
        break;
      case 'touches':
        // A touch deleted by key names no account.
        if (change.kind === 'delete') return 'all';
        add(accountOfValue(value));
        break;
    }
  }
  return accounts;
}

export class PipelineCache {
  private facts: PipelineFacts | undefined;
  /** The connection the facts were read through: another one may be another database. */
  private factsDb: Db | undefined;
  /** Changes committed since the facts were read or patched. */
  private pending: StoreChange[] = [];
  /** The cards, made once per change rather than once per request. */
  private cards: PipelineDeal[] | undefined;
  /** Each stage's first cards and every stage's count, for the page's first drawing; kept like `cards`. */
  private firstCards: { perStage: number; view: Omit<PipelineView, 'now'> } | undefined;
  private refreshing: Promise<void> | undefined;
  private listening = false;

  /** Follows committed changes from the first request on (before it, there is nothing to keep current). */
  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    onCommittedChanges((changes) => {
      if (!this.facts && !this.refreshing) return;
      for (const change of changes) if (PIPELINE_STORES.has(change.store)) this.pending.push(change);
      if (this.pending.length > MAX_PENDING_CHANGES && !this.refreshing) this.forget();
    });
  }

  /** Every open deal; with `firstPerStage`, only each stage's first cards and every stage's figures. */
  async view(db: Db, now: number, firstPerStage?: number): Promise<PipelineView> {
    this.listen();
    for (let round = 0; this.needsRefresh(db); round++) {
      if (round === MAX_REFRESH_ROUNDS && this.facts && this.factsDb === db) break;
      await this.refresh(db);
    }
    this.cards ??= pipelineDeals(this.facts!);
    if (firstPerStage === undefined) return { now, deals: this.cards };
    if (this.firstCards?.perStage !== firstPerStage)
      this.firstCards = { perStage: firstPerStage, view: firstCardsByStage(this.cards, firstPerStage) };
    return { now, ...this.firstCards.view };
  }

  /** Drops the facts: the next request reads everything. */
  forget(): void {
    this.facts = undefined;
    this.factsDb = undefined;
    this.pending = [];
    this.dropCards();
  }

  /** The cards are made again from the facts at the next request. */
  private dropCards(): void {
    this.cards = undefined;
    this.firstCards = undefined;
  }

  private needsRefresh(db: Db): boolean {
    return !this.facts || this.factsDb !== db || this.pending.length > 0 || this.refreshing !== undefined;
  }

  /** One refresh at a time; callers arriving meanwhile wait for it and then look again. */
  private refresh(db: Db): Promise<void> {
    this.refreshing ??= this.readOrPatch(db).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async readOrPatch(db: Db): Promise<void> {
    // Taken before the read starts: a change committed while it runs stays pending for the next round.
    const changes = this.pending;
    this.pending = [];
    const concerned = this.facts && this.factsDb === db ? accountsConcerned(changes, this.facts) : 'all';
    if (concerned !== 'all' && concerned.size === 0) return;
    this.dropCards();
    try {
      if (concerned === 'all') {
        this.facts = undefined;
        this.facts = await readPipelineFacts(db);
        this.factsDb = db;
      } else {
        await patchPipelineFacts(db, this.facts!, [...concerned]);
      }
    } catch (error) {
      // Half-patched facts are not to be trusted: the next request reads everything.
      this.facts = undefined;
      throw error;
    }
  }
}

/** The background's one cache. */
export const pipelineCache = new PipelineCache();
