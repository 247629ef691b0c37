/**
 * The extension's one messenger. Safe to import from the content script: it pulls in only
 * @webext-core/messaging and types.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from './messages';

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>({
  // The library logs every message by default; reps' data has no place in the console.
  logger: undefined,
});
