import { t } from '@/lib/i18n';
import { GENERAL_INDUSTRY, type IndustryId, type Playbook } from '@/lib/playbook/schema';
import { localized } from '@/lib/playbook/text';

/**
 * An industry's name in the rep's language: "General" for every industry, the playbook's name for one it
 * lists, and the bare id for one it does not (an account may keep an industry the playbook dropped).
 */
export function industryName(playbook: Playbook, industryId: IndustryId, locale: string): string {
  if (industryId === GENERAL_INDUSTRY) return t('industryGeneral');
  const industry = playbook.industries.find((candidate) => candidate.id === industryId);
  return industry ? localized(industry.name, locale).trim() || industryId : industryId;
}
