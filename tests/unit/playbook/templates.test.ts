/**
 * Email templates in the playbook: placeholders checked where they are written, filled from the
 * customer and the rep where they are used, and the default playbook's templates valid in both languages.
 */
import { describe, expect, it } from 'vitest';
import { nameParts } from '../../../lib/contact/name-parts';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import {
  fillTemplate,
  missingPlaceholders,
  templateParts,
  unknownPlaceholders,
} from '../../../lib/playbook/placeholders';
import { parsePlaybook, stageTemplates, type Playbook } from '../../../lib/playbook/schema';

const text = (en: string, zh = `${en}（中文）`) => ({ en, 'zh-CN': zh });

function playbookWith(templates: unknown): unknown {
  return {
    format: 'dealside-playbook',
    version: 1,
    name: text('Test'),
    stages: [
      { id: 'first', name: text('First'), goal: text('Goal'), checklist: [] },
      {
        id: 'second',
        name: text('Second'),
        goal: text('Goal'),
        checklist: [],
        ...(templates === undefined ? {} : { templates }),
      },
    ],
    questions: [],
    cadences: [],
  };
}

describe('templates in the playbook schema', () => {
  it('loads a playbook written before templates existed, without adding any', () => {
    const parsed = parsePlaybook(playbookWith(undefined));
    expect(parsed.ok).toBe(true);
    const playbook = (parsed as { playbook: Playbook }).playbook;
    expect(playbook.stages[1]).not.toHaveProperty('templates');
    expect(stageTemplates(playbook.stages[1]!)).toEqual([]);
  });

  it('accepts known placeholders, an optional subject and a body longer than other texts', () => {
    const body = `Hi {firstName} {lastName} ({fullName}) at {company},\n${'x'.repeat(3000)}\n{senderName}`;
    const parsed = parsePlaybook(
      playbookWith([{ id: 'recap', name: text('Recap'), body: text(body, `{fullName}您好\n${body}`) }]),
    );
    expect(parsed).toMatchObject({ ok: true });
  });

  it('names the field and language of an unknown placeholder', () => {
    const parsed = parsePlaybook(
      playbookWith([
        {
          id: 'recap',
          name: text('Recap'),
          subject: text('For {company}', '给{公司}'),
          body: text('Hi {FirstName},', '{fullName}您好'),
        },
      ]),
    );
    expect(parsed.ok).toBe(false);
    const errors = (parsed as { errors: { path: string; message: string }[] }).errors;
    expect(errors).toContainEqual({
      path: 'stages[1].templates[0].body.en',
      message: expect.stringMatching(/^Unknown placeholder \{FirstName\}: use \{firstName\}/),
    });
    expect(errors.map((error) => error.path)).toContain('stages[1].templates[0].subject.zh-CN');
    expect(errors).toHaveLength(2);
  });

  it('refuses duplicate template ids in a stage, empty bodies, too many templates and over-long bodies', () => {
    const recap = { id: 'recap', name: text('Recap'), body: text('Hi') };
    const paths = (templates: unknown) => {
      const parsed = parsePlaybook(playbookWith(templates));
      return parsed.ok ? [] : parsed.errors.map((error) => error.path);
    };
    expect(paths([recap, recap])).toEqual(['stages[1].templates[1].id']);
    expect(paths([{ ...recap, body: text('   ') }])).toEqual(['stages[1].templates[0].body.en']);
    expect(paths([{ ...recap, body: text('x'.repeat(5001), 'x') }])).toEqual([
      'stages[1].templates[0].body.en',
    ]);
    expect(paths(Array.from({ length: 11 }, (_, i) => ({ ...recap, id: `t-${i}` })))).toEqual([
      'stages[1].templates',
    ]);
  });
});

describe('placeholders', () => {
  const values = { firstName: 'Jane', lastName: 'Cooper', fullName: 'Jane Cooper', company: 'Northwind' };

  it('fills every known placeholder and leaves one without a value visible', () => {
    expect(fillTemplate('Hi {firstName}, how is {company}?\n{senderName}', values)).toBe(
      'Hi Jane, how is Northwind?\n{senderName}',
    );
    expect(missingPlaceholders(templateParts('{senderName} {company} {senderName}', values))).toEqual([
      'senderName',
    ]);
  });

  it('treats a blank value as missing rather than blanking the greeting', () => {
    expect(fillTemplate('Dear {firstName},', { firstName: '  ' })).toBe('Dear {firstName},');
  });

  it('leaves unknown braces and markup as the text they are', () => {
    const hostile = '<img src=x onerror=alert(1)> {notAPlaceholder} { } <b>{firstName}</b>';
    expect(fillTemplate(hostile, { firstName: '<i>Jane</i>' })).toBe(
      '<img src=x onerror=alert(1)> {notAPlaceholder} { } <b><i>Jane</i></b>',
    );
    expect(unknownPlaceholders(hostile)).toEqual(['{notAPlaceholder}']);
  });
});

describe('name parts for greetings', () => {
  it('splits western names, directory order and particles', () => {
    expect(nameParts('Jane Cooper')).toEqual({
      fullName: 'Jane Cooper',
      firstName: 'Jane',
      lastName: 'Cooper',
    });
    expect(nameParts('  Jane   van der Berg ')).toMatchObject({
      firstName: 'Jane',
      lastName: 'van der Berg',
    });
    expect(nameParts('Cooper, Jane')).toEqual({
      fullName: 'Jane Cooper',
      firstName: 'Jane',
      lastName: 'Cooper',
    });
    expect(nameParts('Jane')).toEqual({ fullName: 'Jane', firstName: 'Jane' });
  });

  it('keeps a Chinese name whole for the greeting and takes the family name as the last name', () => {
    expect(nameParts('王小明')).toEqual({ fullName: '王小明', firstName: '王小明', lastName: '王' });
    expect(nameParts('欧阳娜娜')).toEqual({ fullName: '欧阳娜娜', firstName: '欧阳娜娜', lastName: '欧阳' });
    expect(nameParts('山田 太郎')).toEqual({
      fullName: '山田 太郎',
      firstName: '山田 太郎',
      lastName: '山田',
    });
  });

  it('has nothing for no name or an address shown as the name', () => {
    expect(nameParts(undefined)).toBeUndefined();
    expect(nameParts('  ')).toBeUndefined();
    expect(nameParts('jane@northwind-trading.com')).toBeUndefined();
  });
});

describe('the default playbook templates', () => {
  it('gives every stage at least one template, valid in both languages', () => {
    expect(parsePlaybook(JSON.parse(JSON.stringify(DEFAULT_PLAYBOOK)))).toMatchObject({ ok: true });
    for (const stage of DEFAULT_PLAYBOOK.stages) {
      const templates = stageTemplates(stage);
      expect(templates.length, stage.id).toBeGreaterThan(0);
      for (const template of templates) {
        expect(template.body.en).toContain('{senderName}');
        expect(template.body['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });
});
