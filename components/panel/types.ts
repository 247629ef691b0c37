import type { NoteSaveOutcome } from '@/lib/db/notes';
import type { DealRecord } from '@/lib/db/records';
import type { AccountView, PanelState } from '@/lib/messaging/protocol';
import type { Playbook } from '@/lib/playbook/schema';

/**
 * Panel state once the account is known: what every account section receives. The contact may be
 * absent (a company record keyed by its website, a page the rep attached to the account by hand).
 */
export type AccountPanelState = PanelState & { account: AccountView };

export interface AccountSectionProps {
  state: AccountPanelState;
  /**
   * The deal the rep is looking at: its stage, checklist and questions are what the sections show, and
   * their writes go to it. Null on an account without deals (the first stage set starts one).
   */
  deal: DealRecord | null;
  playbook: Playbook;
  /** The UI language (`en`, `zh-CN`, …) for playbook texts and dates. */
  locale: string;
  /** Shows a note save's answer in the panel's state (the notes section saves; usePanelState's `noteSaved`). */
  onNoteSaved?: (outcome: NoteSaveOutcome) => void;
}
