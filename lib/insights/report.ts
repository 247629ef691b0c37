/** What the options page's insights show, as the background computes it for one period. */
import type { LocalizedText } from '../playbook/schema';
import type { FollowUpTimeliness, SpinCounts } from './activity';
import type { ForecastFigures } from './forecast';
import type { OtherStageFigures, StageFigures } from './funnel';
import type { LostReasonCount, OutcomeFigures } from './outcomes';
import type { InsightsPeriod } from './period';
import type { InsightsScope } from './scope';

export interface InsightsStage extends StageFigures {
  /** The stage's name in both languages; the page shows the one of the UI language. */
  name: LocalizedText;
}

export interface InsightsLostReason extends LostReasonCount {
  /** The reason's name in both languages; null when the playbook no longer lists the id, or none was given. */
  name: LocalizedText | null;
}

export interface InsightsOutcomes extends Omit<OutcomeFigures, 'lostReasons'> {
  lostReasons: InsightsLostReason[];
}

export interface InsightsReport {
  period: InsightsPeriod;
  /** Whose work the figures count (./scope.ts); always `mine` while sync is off. */
  scope: InsightsScope;
  /** Sync is on, so the database may hold colleagues' work: the page offers the team scope. */
  teamScope: boolean;
  /** The moment the figures were computed for, and the start of the period (0 for all time). */
  now: number;
  from: number;
  /** The playbook's stages in pipeline order. */
  stages: InsightsStage[];
  /** Accounts in a stage the playbook no longer has. */
  other: OtherStageFigures;
  /** Accounts the rep has written something for but never given a stage. */
  accountsWithoutStage: number;
  totalAccounts: number;
  /** Accounts with a stage change in the period. */
  accountsMoved: number;
  followUps: FollowUpTimeliness & {
    /** Open follow-ups past their due time right now (not limited to the period). */
    overdueNow: number;
  };
  spin: SpinCounts;
  /** How the deals closed in the period ended. */
  outcomes: InsightsOutcomes;
  /** The open deals' weighted forecast by close month (not limited to the period). */
  forecast: ForecastFigures;
}
