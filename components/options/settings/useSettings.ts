/** The rep's settings as the options page sees them: loaded from the background, changed through it. */
import { useCallback, useEffect, useState } from 'react';
import { sendMessage } from '@/lib/messaging/messenger';
import type { SettingsPatch, SettingsView } from '@/lib/messaging/protocol';

export interface SettingsState {
  view: SettingsView | null;
  loadError?: string;
  /** Saves a change; resolves to an error message, or null once saved. */
  save(patch: SettingsPatch): Promise<string | null>;
  /** Takes a view the background answered with (after adding a site or merging accounts). */
  adopt(view: SettingsView): void;
  reload(): void;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useSettings(): SettingsState {
  const [view, setView] = useState<SettingsView | null>(null);
  const [loadError, setLoadError] = useState<string>();

  const reload = useCallback(() => {
    sendMessage('getSettings', {})
      .then((loaded) => {
        setView(loaded);
        setLoadError(undefined);
      })
      .catch((error: unknown) => setLoadError(messageOf(error)));
  }, []);

  useEffect(reload, [reload]);

  const save = useCallback(
    async (patch: SettingsPatch) => {
      // Shown at once, so a switch or a select answers the click; the background's answer then
      // replaces it (normalised), or the stored settings come back if it refused.
      setView((current) => (current ? { ...current, settings: { ...current.settings, ...patch } } : current));
      try {
        setView(await sendMessage('saveSettings', patch));
        return null;
      } catch (error) {
        reload();
        return messageOf(error);
      }
    },
    [reload],
  );

  return { view, loadError, save, adopt: setView, reload };
}
