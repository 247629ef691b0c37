/** The rep's settings: validated on every read, so a damaged value falls back to defaults per field. */
import { z } from 'zod';

export const settingsSchema = z.object({
  /** The rep's own addresses: never a contact. */
  ownEmails: z.array(z.string().max(320)).max(100).catch([]),
  /** The rep's company domains: nobody at these is a contact. */
  ownDomains: z.array(z.string().max(253)).max(100).catch([]),
  /** Domain aliases and account merges: account key → the key it was merged into. */
  accountAliases: z.record(z.string().max(320), z.string().max(320)).catch({}),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** Per-site state of the in-page panel frame: collapsed or open. */
export const frameLayoutBySiteSchema = z
  .record(z.string().max(40), z.object({ collapsed: z.boolean() }))
  .catch({});
export type FrameLayoutBySite = z.infer<typeof frameLayoutBySiteSchema>;
