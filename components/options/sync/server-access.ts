import { browser } from 'wxt/browser';
import { checkSyncServer, hostPermissionFor, type ServerAddressProblem } from '@/lib/sync/server-address';

export type ServerAccess =
  | { ok: false; problem: ServerAddressProblem }
  /** `granted` settles when the rep answered the browser's question (at once when already allowed). */
  | { ok: true; host: string; granted: Promise<boolean> };

/**
 * Checks the address the rep typed and asks the browser for access to that one origin. Must be called
 * synchronously in a click (or submit) handler, before anything is awaited: the browser shows its
 * question only during the rep's gesture. A bad address asks nothing.
 */
export function requestServerAccess(url: string, database: string): ServerAccess {
  const check = checkSyncServer(url, database);
  if (!check.ok) return check;
  let granted: Promise<boolean>;
  try {
    granted = browser.permissions.request({ origins: [hostPermissionFor(check.server)] });
  } catch {
    // A pattern the manifest does not list throws at once in some browsers: that is a no as well.
    granted = Promise.resolve(false);
  }
  return { ok: true, host: new URL(check.server.origin).host, granted: granted.catch(() => false) };
}
