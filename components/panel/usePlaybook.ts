import { useEffect } from 'react';
import type { Playbook } from '@/lib/playbook/schema';
import { useBackgroundQuery } from '../shared/useBackgroundQuery';

/**
 * The rep's playbook, loaded once and again whenever it is edited in options. A failed reload keeps the
 * playbook the panel has: its sections stay usable.
 */
export function usePlaybook(): Playbook | undefined {
  const { result, latest } = useBackgroundQuery('getPlaybook', {}, { refreshOn: { playbookChanged: true } });
  const failure = result.status === 'error' ? result.message : null;
  useEffect(() => {
    if (failure !== null) console.warn('[dealside] could not load the playbook', failure);
  }, [failure]);
  return latest;
}
