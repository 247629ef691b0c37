import type { BuyingRole } from '@/lib/contact/buying-roles';
import { displayEmail } from '@/lib/contact/email';
import { formatList, t } from '@/lib/i18n';
import { ROLE_LABELS } from '@/lib/contact/role-labels';
import { buyingGroup } from './buying-group';
import type { AccountPanelState } from './types';

/**
 * Under a checklist item about a person ("decision-maker confirmed"): who of the account holds that
 * role, or that nobody is known yet, so the rep can tell at a glance whether the item is backed by a
 * name.
 */
export function ChecklistRoleHint({
  id,
  role,
  state,
  locale,
}: {
  id: string;
  role: BuyingRole;
  state: AccountPanelState;
  locale: string;
}) {
  // In the buying group's order: the person on screen first.
  const holders = buyingGroup(state)
    .filter((person) => person.roles.includes(role))
    .map((person) => person.name ?? displayEmail(person.email));
  const roleName = t(ROLE_LABELS[role]);
  return (
    <p
      id={id}
      className={`ds-checklist-role ${holders.length > 0 ? 'ds-checklist-role-held' : 'ds-checklist-role-unknown'}`}
      data-role={role}
    >
      {holders.length > 0
        ? t('checklistRoleHeld', [roleName, formatList(holders, locale)])
        : t('checklistRoleUnknown', roleName)}
    </p>
  );
}
