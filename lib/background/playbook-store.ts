import { storage } from 'wxt/utils/storage';
import { DEFAULT_PLAYBOOK } from '../playbook/default-playbook';
import { parsePlaybook, type Playbook } from '../playbook/schema';

/** The rep's playbook (edited in options); the default one until they change it. */
const playbookItem = storage.defineItem<unknown>('local:playbook', { fallback: null, version: 1 });

export async function readPlaybook(): Promise<Playbook> {
  const stored = await playbookItem.getValue();
  if (stored === null) return DEFAULT_PLAYBOOK;
  const parsed = parsePlaybook(stored);
  if (parsed.ok) return parsed.playbook;
  console.warn('[dealside] the stored playbook is damaged; using the default', parsed.errors.slice(0, 3));
  return DEFAULT_PLAYBOOK;
}

/** Stores the rep's playbook; the caller has validated it with `parsePlaybook`. */
export async function writePlaybook(playbook: Playbook): Promise<void> {
  await playbookItem.setValue(playbook);
}
