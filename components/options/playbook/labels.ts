import type { MessageKey } from '@/lib/i18n';
import type { SpinType } from '@/lib/playbook/schema';

export const SPIN_TYPE_NAMES: Record<SpinType, MessageKey> = {
  S: 'spinTypeS',
  P: 'spinTypeP',
  I: 'spinTypeI',
  N: 'spinTypeN',
};
