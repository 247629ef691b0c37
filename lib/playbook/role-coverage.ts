/**
 * Which buying-group roles a deal still lacks: the playbook's checklist items name the roles they are
 * about ("decision-maker confirmed"), and the account's people hold roles. Pure, so the panel and any
 * later report read it the same way.
 */
import { orderedRoles, type BuyingRole } from '../contact/buying-roles';
import type { Stage } from './schema';

/** Where a deal stands: its stage and, per stage id, the checklist items ticked. */
export interface DealProgress {
  stageId?: string;
  checklist: Readonly<Record<string, readonly string[]>>;
}

/**
 * The roles the deal should know by now: those named by the current stage's items, ticked or not (a
 * ticked "decision-maker confirmed" still wants the person named), and by the unticked items of earlier
 * stages (work skipped on the way is still owed). Earlier items already ticked are done and ask for
 * nothing. A deal with no stage, or in one the playbook dropped, needs none.
 */
export function rolesNeeded(stages: readonly Stage[], deal: DealProgress): BuyingRole[] {
  const current = stages.findIndex((stage) => stage.id === deal.stageId);
  if (current < 0) return [];
  const needed: BuyingRole[] = [];
  stages.slice(0, current + 1).forEach((stage, index) => {
    const ticked = new Set(deal.checklist[stage.id] ?? []);
    for (const item of stage.checklist) {
      if (item.role && (index === current || !ticked.has(item.id))) needed.push(item.role);
    }
  });
  return orderedRoles(needed);
}

/** The roles at least one of these people holds. */
export function rolesHeld(people: readonly { roles?: readonly BuyingRole[] }[]): Set<BuyingRole> {
  return new Set(people.flatMap((person) => person.roles ?? []));
}

/** The roles the deal needs by now that nobody of the account holds, in the roles' usual order. */
export function missingRoles(
  stages: readonly Stage[],
  deal: DealProgress,
  people: readonly { roles?: readonly BuyingRole[] }[],
): BuyingRole[] {
  const held = rolesHeld(people);
  return rolesNeeded(stages, deal).filter((role) => !held.has(role));
}
