/**
 * "Open" on a card's or a row's account: the background returns to a tab showing it or reopens the page
 * where its people were seen last. When there is none, the rep is told why rather than nothing happening.
 */
import { useCallback, useState } from 'react';
import { errorText } from '@/lib/error-text';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/messenger';
import type { PipelineDeal } from '@/lib/messaging/protocol';

export function useOpenAccount(): { open: (deal: PipelineDeal) => void; problem: string | null } {
  const [problem, setProblem] = useState<string | null>(null);
  const open = useCallback((deal: PipelineDeal) => {
    setProblem(null);
    sendMessage('openAccountPage', { accountKey: deal.accountKey })
      .then((result) => {
        if (result.opened === 'nothing') setProblem(t('pipelineNothingToOpen', deal.accountLabel));
      })
      .catch((error: unknown) => setProblem(t('pipelineOpenFailed', errorText(error))));
  }, []);
  return { open, problem };
}
