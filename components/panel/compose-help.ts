/**
 * What the panel offers while the rep writes a message: the working stage's email templates, filled
 * from the customer and the rep, and the next SPIN question worth asking, in the panel's language.
 */
import { nameParts } from '@/lib/contact/name-parts';
import type { DealRecord } from '@/lib/db/records';
import type { PanelState } from '@/lib/messaging/protocol';
import {
  missingPlaceholders,
  partsText,
  templateParts,
  type Placeholder,
  type PlaceholderValues,
  type TemplatePart,
} from '@/lib/playbook/placeholders';
import { stageTemplates, type Playbook, type SpinQuestion, type Stage } from '@/lib/playbook/schema';
import { suggestSpinQuestions } from '@/lib/playbook/spin';
import { localized } from '@/lib/playbook/text';
import { accountIndustry, accountName, workingStage } from './deal-view';
import type { AccountPanelState } from './types';

/** One filled text: its parts for showing (placeholders highlighted) and its text for the message. */
export interface FilledText {
  parts: TemplatePart[];
  text: string;
}

export type ComposeItem =
  | {
      kind: 'template';
      id: string;
      name: string;
      subject?: FilledText;
      body: FilledText;
      /** Placeholders of the subject or body the panel had no value for. */
      missing: Placeholder[];
    }
  | { kind: 'question'; id: string; question: SpinQuestion; body: FilledText; missing: [] };

/** The values placeholders are filled with, from what the panel knows. */
export function placeholderValues(state: AccountPanelState): PlaceholderValues {
  const name = nameParts(state.contact?.name);
  return {
    firstName: name?.firstName,
    lastName: name?.lastName,
    fullName: name?.fullName,
    company: accountName(state),
    senderName: state.senderName,
  };
}

function filled(text: string, values: PlaceholderValues): FilledText {
  const parts = templateParts(text, values);
  return { parts, text: partsText(parts) };
}

export function composeHelp(
  playbook: Playbook,
  state: AccountPanelState & Pick<PanelState, 'askedQuestionIds'>,
  deal: Pick<DealRecord, 'stageId'> | null,
  locale: string,
): { stage: Stage | undefined; items: ComposeItem[] } {
  const stage = workingStage(playbook, deal);
  if (!stage) return { stage, items: [] };
  const values = placeholderValues(state);
  const items: ComposeItem[] = stageTemplates(stage).map((template) => {
    const subject = template.subject ? filled(localized(template.subject, locale), values) : undefined;
    const body = filled(localized(template.body, locale), values);
    return {
      kind: 'template',
      id: template.id,
      name: localized(template.name, locale),
      ...(subject ? { subject } : {}),
      body,
      missing: missingPlaceholders([...(subject?.parts ?? []), ...body.parts]),
    };
  });
  const [next] = suggestSpinQuestions(playbook, {
    stageId: stage.id,
    industry: accountIndustry(playbook, state.account.record),
    askedIds: state.askedQuestionIds,
    count: 1,
  });
  if (next) {
    const text = localized(next.text, locale);
    items.push({ kind: 'question', id: next.id, question: next, body: filled(text, {}), missing: [] });
  }
  return { stage, items };
}
