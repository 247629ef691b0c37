/**
 * Checklist items that name a buying-group role: the playbook format, the default playbook, the
 * editor's operation, and which roles a deal still lacks.
 */
import { describe, expect, it } from 'vitest';
import { BUYING_ROLES, type BuyingRole } from '../../../lib/contact/buying-roles';
import { createDefaultPlaybook, DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { setChecklistItemRole } from '../../../lib/playbook/edit';
import { missingRoles, rolesNeeded } from '../../../lib/playbook/role-coverage';
import { DEFAULT_LOST_REASONS, parsePlaybook, type Playbook, type Stage } from '../../../lib/playbook/schema';

const text = (en: string) => ({ en, 'zh-CN': `${en}(中文)` });

function stage(id: string, items: [id: string, role?: BuyingRole][]): Stage {
  return {
    id,
    name: text(id),
    goal: text(`${id} goal`),
    checklist: items.map(([itemId, role]) => ({ id: itemId, text: text(itemId), ...(role ? { role } : {}) })),
  };
}

function playbookWith(stages: Stage[]): Playbook {
  return {
    format: 'dealside-playbook',
    version: 1,
    name: text('Roles'),
    stages,
    questions: [],
    cadences: [],
    lostReasons: [...DEFAULT_LOST_REASONS],
    industries: [],
  };
}

const STAGES = [
  stage('lead', [['map-people', 'decision-maker'], ['fit']]),
  stage('discovery', [
    ['meet-influencers', 'influencer'],
    ['find-champion', 'champion'],
  ]),
  stage('negotiation', [
    ['signatory', 'decision-maker'],
    ['budget', 'economic-buyer'],
  ]),
  stage('after-sales', [['reference', 'champion']]),
];

describe('checklist items in the playbook file', () => {
  it('may name a role; files without roles still load', () => {
    const withRoles = playbookWith(STAGES);
    expect(parsePlaybook(withRoles)).toEqual({ ok: true, playbook: withRoles });
    const withoutRoles = playbookWith([stage('lead', [['fit'], ['plan']])]);
    expect(parsePlaybook(withoutRoles)).toEqual({ ok: true, playbook: withoutRoles });
  });

  it('refuses a role that is not one of the seven, saying where and which ones there are', () => {
    const playbook = structuredClone(playbookWith(STAGES)) as unknown as {
      stages: { checklist: { role: string }[] }[];
    };
    playbook.stages[2]!.checklist[1]!.role = 'purse-holder';
    expect(parsePlaybook(playbook)).toEqual({
      ok: false,
      errors: [
        {
          path: 'stages[2].checklist[1].role',
          message: `Must be one of ${BUYING_ROLES.join(', ')}`,
        },
      ],
    });
  });
});

describe('the default playbook', () => {
  it('names the role of the items that are about people', () => {
    const roleOf = (stageId: string, itemId: string) =>
      DEFAULT_PLAYBOOK.stages
        .find((candidate) => candidate.id === stageId)
        ?.checklist.find((item) => item.id === itemId)?.role;
    expect(roleOf('lead', 'map-stakeholders')).toBe('decision-maker');
    expect(roleOf('discovery', 'stakeholders-engaged')).toBe('influencer');
    expect(roleOf('solution', 'presented-to-decision-maker')).toBe('decision-maker');
    expect(roleOf('solution', 'business-case')).toBe('economic-buyer');
    expect(roleOf('negotiation', 'decision-maker-confirmed')).toBe('decision-maker');
    expect(roleOf('negotiation', 'budget-confirmed')).toBe('economic-buyer');
    expect(roleOf('after-sales', 'referral-requested')).toBe('champion');
    // Items about things, not people, name none.
    expect(roleOf('lead', 'research-background')).toBeUndefined();
    expect(roleOf('negotiation', 'contract-signed')).toBeUndefined();
  });
});

describe('the editor sets and clears an item role', () => {
  it('names a role, changes it and takes it away, leaving the rest of the playbook as it was', () => {
    const before = createDefaultPlaybook();
    const named = setChecklistItemRole(before, 'lead', 'fit-check', 'champion');
    const item = (playbook: Playbook) =>
      playbook.stages[0]!.checklist.find((candidate) => candidate.id === 'fit-check')!;
    expect(item(named).role).toBe('champion');
    expect(item(before)).not.toHaveProperty('role');
    expect(item(setChecklistItemRole(named, 'lead', 'fit-check', 'blocker')).role).toBe('blocker');
    const cleared = setChecklistItemRole(named, 'lead', 'fit-check', undefined);
    expect(item(cleared)).not.toHaveProperty('role');
    expect(cleared).toEqual(before);
    expect(parsePlaybook(named).ok).toBe(true);
  });
});

describe('the roles a deal still lacks', () => {
  const deal = (stageId: string | undefined, checklist: Record<string, string[]> = {}) => ({
    ...(stageId ? { stageId } : {}),
    checklist,
  });

  it('needs nothing before the deal has a stage, or in a stage the playbook dropped', () => {
    expect(rolesNeeded(STAGES, deal(undefined))).toEqual([]);
    expect(rolesNeeded(STAGES, deal('qualify'))).toEqual([]);
  });

  it("needs the current stage's roles, ticked or not, and the roles of earlier items left unticked", () => {
    expect(rolesNeeded(STAGES, deal('lead'))).toEqual(['decision-maker']);
    // Ticked in the current stage: still wants the person named.
    expect(rolesNeeded(STAGES, deal('lead', { lead: ['map-people'] }))).toEqual(['decision-maker']);
    // Discovery's unticked items carry over into negotiation; ticked ones do not.
    expect(rolesNeeded(STAGES, deal('negotiation'))).toEqual([
      'decision-maker',
      'economic-buyer',
      'champion',
      'influencer',
    ]);
    expect(
      rolesNeeded(STAGES, deal('negotiation', { discovery: ['meet-influencers', 'find-champion'] })),
    ).toEqual(['decision-maker', 'economic-buyer']);
    // Later stages ask for nothing yet.
    expect(rolesNeeded(STAGES, deal('discovery', { lead: ['map-people'] }))).toEqual([
      'champion',
      'influencer',
    ]);
  });

  it('leaves out the roles someone of the account holds, whoever holds them', () => {
    const people = [
      { roles: ['economic-buyer', 'blocker'] as BuyingRole[] },
      {},
      { roles: ['influencer'] as BuyingRole[] },
    ];
    expect(missingRoles(STAGES, deal('negotiation'), people)).toEqual(['decision-maker', 'champion']);
    expect(missingRoles(STAGES, deal('negotiation'), [{ roles: [...BUYING_ROLES] }])).toEqual([]);
    expect(missingRoles(STAGES, deal('negotiation'), [])).toHaveLength(4);
  });
});
