import { useEffect, useState } from 'react';
import { onMessage, sendMessage } from '@/lib/messaging/messenger';
import type { Playbook } from '@/lib/playbook/schema';

/** The rep's playbook, loaded once and again whenever it is edited in options. */
export function usePlaybook(): Playbook | undefined {
  const [playbook, setPlaybook] = useState<Playbook>();
  useEffect(() => {
    let live = true;
    const load = () => {
      sendMessage('getPlaybook', {})
        .then((loaded) => live && setPlaybook(loaded))
        .catch((error: unknown) => console.warn('[dealside] could not load the playbook', error));
    };
    load();
    const off = onMessage('playbookChanged', load);
    return () => {
      live = false;
      off();
    };
  }, []);
  return playbook;
}
