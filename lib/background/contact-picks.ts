/**
 * Contacts the rep picked by hand, per page: when detection chose the wrong person, the choice sticks to
 * that thread or record URL.
 */
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

const MAX_PICKS = 500;

const picksSchema = z.record(z.string(), z.object({ email: z.string(), at: z.number() })).catch({});
const picksItem = storage.defineItem<unknown>('local:contactPicks', { fallback: {}, version: 1 });

export async function pickedContact(url: string): Promise<string | undefined> {
  return picksSchema.parse(await picksItem.getValue())[url]?.email;
}

export async function setPickedContact(url: string, email: string | null, now: number): Promise<void> {
  const picks = picksSchema.parse(await picksItem.getValue());
  if (email === null) delete picks[url];
  else picks[url] = { email, at: now };
  // Keep the most recent picks only; old threads are rarely reopened.
  const kept = Object.entries(picks)
    .sort(([, a], [, b]) => b.at - a.at)
    .slice(0, MAX_PICKS);
  await picksItem.setValue(Object.fromEntries(kept));
}
