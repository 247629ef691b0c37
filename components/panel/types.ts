import type { AccountView, PanelState } from '@/lib/messaging/protocol';
import type { Playbook } from '@/lib/playbook/schema';

/**
 * Panel state once the account is known: what every account section receives. The contact may be
 * absent (a company record keyed by its website, a page the rep attached to the account by hand).
 */
export type AccountPanelState = PanelState & { account: AccountView };

export interface AccountSectionProps {
  state: AccountPanelState;
  playbook: Playbook;
  /** The UI language (`en`, `zh-CN`, …) for playbook texts and dates. */
  locale: string;
}
