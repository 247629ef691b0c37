import type { BuyingRole } from './buying-roles';
import type { MessageKey } from '../i18n';

/** The UI text of each buying-group role, as a noun that reads inside a sentence ("decision maker"). */
export const ROLE_LABELS: Record<BuyingRole, MessageKey> = {
  'decision-maker': 'roleDecisionMaker',
  'economic-buyer': 'roleEconomicBuyer',
  champion: 'roleChampion',
  influencer: 'roleInfluencer',
  user: 'roleUser',
  blocker: 'roleBlocker',
  other: 'roleOther',
};
