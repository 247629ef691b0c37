import type { AccountView, PanelState } from '@/lib/messaging/protocol';
import type { Playbook } from '@/lib/playbook/schema';

/** Panel state once a contact and account are known: what every account section receives. */
export type AccountPanelState = PanelState & {
  account: AccountView;
  contact: NonNullable<PanelState['contact']>;
};

export interface AccountSectionProps {
  state: AccountPanelState;
  playbook: Playbook;
  /** The UI language (`en`, `zh-CN`, …) for playbook texts and dates. */
  locale: string;
}
