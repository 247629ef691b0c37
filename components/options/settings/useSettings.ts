/** The rep's settings as the options page sees them: loaded from the background, changed through it. */
import { useCallback } from 'react';
import { errorText } from '@/lib/error-text';
import { sendMessage } from '@/lib/messaging/messenger';
import type { SettingsPatch, SettingsView } from '@/lib/messaging/protocol';
import { useBackgroundQuery } from '../../shared/useBackgroundQuery';

export interface SettingsState {
  /** The settings shown; null until first loaded (a failed reload keeps them). */
  view: SettingsView | null;
  loadError?: string;
  /** Saves a change; resolves to an error message, or null once saved. */
  save(patch: SettingsPatch): Promise<string | null>;
  /** Takes a view the background answered with (after adding a site or merging accounts). */
  adopt(view: SettingsView): void;
  reload(): void;
}

export function useSettings(): SettingsState {
  const { result, latest, reload, set } = useBackgroundQuery('getSettings', {});

  const save = useCallback(
    async (patch: SettingsPatch) => {
      // Shown at once, so a switch or a select answers the click; the background's answer then
      // replaces it (normalised), or the stored settings come back if it refused.
      set((current) => ({ ...current, settings: { ...current.settings, ...patch } }));
      try {
        set(await sendMessage('saveSettings', patch));
        return null;
      } catch (error) {
        reload();
        return errorText(error);
      }
    },
    [reload, set],
  );

  return {
    view: latest ?? null,
    ...(result.status === 'error' ? { loadError: result.message } : {}),
    save,
    adopt: set,
    reload,
  };
}
