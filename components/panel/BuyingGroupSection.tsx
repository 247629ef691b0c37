import { useEffect, useId, useRef, useState } from 'react';
import { BUYING_ROLES, orderedRoles, type BuyingRole } from '@/lib/contact/buying-roles';
import { displayEmail } from '@/lib/contact/email';
import { formatRelativeDue } from '@/lib/dates/format';
import { formatList, t } from '@/lib/i18n';
import { panelActions } from '@/lib/panel-actions';
import { missingRoles } from '@/lib/playbook/role-coverage';
import { ROLE_LABELS } from '@/lib/contact/role-labels';
import { buyingGroup, siteOf, type GroupMember } from './buying-group';
import { shownDealProgress } from './deal-view';
import type { AccountSectionProps } from './types';
import { useAccountWrite } from './useAccountWrite';
import { useNow } from './useNow';
import { WriteError } from './WriteError';

/** People listed before "show all": enough for a typical buying group, short enough to scroll past. */
const SHOWN_AT_FIRST = 6;

/** Roles the rep set that the panel's state may not show yet; `settled` once their save finished. */
interface PendingRoles {
  roles: readonly BuyingRole[];
  settled: boolean;
}

const sameRoles = (a: readonly BuyingRole[], b: readonly BuyingRole[]) =>
  a.length === b.length && a.every((role, index) => role === b[index]);

/**
 * The account's people and the parts they play in the purchase: each person with the roles the rep
 * knows (toggled in place), when they were last seen, and above them the roles the deal's checklist
 * needs that nobody holds yet.
 */
export function BuyingGroupSection({ state, deal, playbook, locale }: AccountSectionProps) {
  const id = useId();
  const now = useNow(60_000);
  const { errors, run } = useAccountWrite();
  const [showAll, setShowAll] = useState(false);
  // A toggle shows at once and stays until the background's state agrees or its save has finished; a
  // failed save takes it back. Saves of one person run one after another, so the last click wins.
  const [pending, setPending] = useState<Readonly<Record<string, PendingRoles>>>({});
  const saving = useRef(new Map<string, Promise<unknown>>());
  const people = state.account.people;
  useEffect(() => {
    const saved = new Map(people.map((person) => [person.email, person.roles ?? []]));
    setPending((previous) => {
      const kept = Object.entries(previous).filter(
        ([email, entry]) => !entry.settled && !sameRoles(saved.get(email) ?? [], entry.roles),
      );
      return kept.length === Object.keys(previous).length ? previous : Object.fromEntries(kept);
    });
  }, [people]);

  const members = buyingGroup(state).map((member) => ({
    ...member,
    roles: pending[member.email]?.roles ?? member.roles,
  }));
  const missing = missingRoles(playbook.stages, shownDealProgress(deal), members);
  const wanted = new Set(missing);
  const shown = showAll ? members : members.slice(0, SHOWN_AT_FIRST);
  const accountKey = state.account.key;

  function toggle(member: GroupMember, role: BuyingRole, held: boolean) {
    const email = member.email;
    const roles = orderedRoles(held ? [...member.roles, role] : member.roles.filter((r) => r !== role));
    const entry: PendingRoles = { roles, settled: false };
    setPending((previous) => ({ ...previous, [email]: entry }));
    const previousSave = saving.current.get(email) ?? Promise.resolve();
    const save = previousSave.then(() =>
      run(`roles:${email}`, () => panelActions.setContactRoles(accountKey, email, roles)).then((saved) => {
        setPending((previous) => {
          // A later click on the same person owns their roles now.
          if (previous[email] !== entry) return previous;
          const next = { ...previous };
          if (saved) next[email] = { ...entry, settled: true };
          else delete next[email];
          return next;
        });
      }),
    );
    saving.current.set(email, save);
  }

  function seenText(member: GroupMember): string | null {
    if (member.presence === 'on-screen') return null;
    if (member.presence === 'on-page') return t('personOnThisPage');
    if (member.lastSeenAt === undefined) return t('personNeverSeen');
    const when = formatRelativeDue(member.lastSeenAt, now, locale);
    const site = siteOf(member.lastSeenUrl);
    return site ? t('personLastSeenOn', [when, site]) : t('personLastSeen', when);
  }

  return (
    <section className="ds-card ds-buying-group" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('buyingGroupHeading')}</h2>
      <div role="status">
        {missing.length > 0 ? (
          <p className="ds-roles-missing" data-testid="roles-missing">
            {t(
              'rolesMissing',
              formatList(
                missing.map((role) => t(ROLE_LABELS[role])),
                locale,
              ),
            )}
          </p>
        ) : null}
      </div>
      {members.length === 0 ? <p className="ds-muted ds-small">{t('buyingGroupEmpty')}</p> : null}
      <ul className="ds-members">
        {shown.map((member) => {
          const label = member.name ?? displayEmail(member.email);
          const errorKey = `roles:${member.email}`;
          const errorId = `${id}-${member.email}-error`;
          const seen = seenText(member);
          return (
            <li
              key={member.email}
              className={`ds-member ds-member-${member.presence}`}
              data-testid="person-item"
              data-email={member.email}
              aria-current={member.presence === 'on-screen' ? 'true' : undefined}
            >
              <div className="ds-member-head">
                <span className="ds-member-name">{label}</span>
                {member.presence === 'on-screen' ? (
                  <span className="ds-member-badge">{t('personOnScreen')}</span>
                ) : null}
              </div>
              {member.name ? (
                <div className="ds-member-email ds-muted" title={member.email}>
                  {displayEmail(member.email)}
                </div>
              ) : null}
              {seen ? (
                <div className="ds-member-seen ds-muted">
                  {member.presence === 'elsewhere' && member.lastSeenAt !== undefined ? (
                    <time dateTime={new Date(member.lastSeenAt).toISOString()}>{seen}</time>
                  ) : (
                    seen
                  )}
                </div>
              ) : null}
              <fieldset className="ds-role-chips" aria-describedby={errors[errorKey] ? errorId : undefined}>
                <legend className="ds-visually-hidden">{t('personRolesLabel', label)}</legend>
                {BUYING_ROLES.map((role) => (
                  <label
                    key={role}
                    className={wanted.has(role) ? 'ds-role-chip ds-role-chip-wanted' : 'ds-role-chip'}
                  >
                    <input
                      type="checkbox"
                      data-testid="person-role"
                      data-role={role}
                      checked={member.roles.includes(role)}
                      onChange={(event) => toggle(member, role, event.target.checked)}
                    />
                    <span>{t(ROLE_LABELS[role])}</span>
                  </label>
                ))}
              </fieldset>
              <WriteError
                id={errorId}
                message={errors[errorKey] ? t('rolesSaveFailed', errors[errorKey]) : undefined}
              />
            </li>
          );
        })}
      </ul>
      {members.length > SHOWN_AT_FIRST ? (
        <button
          type="button"
          className="ds-link"
          aria-expanded={showAll}
          onClick={() => setShowAll(!showAll)}
        >
          {showAll ? t('buyingGroupShowFewer') : t('buyingGroupShowAll', String(members.length))}
        </button>
      ) : null}
    </section>
  );
}
