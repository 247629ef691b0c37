import type { MessageKey } from '@/lib/i18n';
import type { Industry, SpinType } from '@/lib/playbook/schema';

export const SPIN_TYPE_NAMES: Record<SpinType, MessageKey> = {
  S: 'spinTypeS',
  P: 'spinTypeP',
  I: 'spinTypeI',
  N: 'spinTypeN',
};

export const INDUSTRY_NAMES: Record<Industry, MessageKey> = {
  general: 'industryGeneral',
  manufacturing: 'industryManufacturing',
  services: 'industryServices',
  software: 'industrySoftware',
};
