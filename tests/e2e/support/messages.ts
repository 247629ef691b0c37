/** Messages to the background from one of the extension's pages, the way its messenger sends them. */
import type { Page } from 'playwright-core';

export async function sendFromPage<T = unknown>(page: Page, type: string, data: unknown = {}): Promise<T> {
  return page.evaluate(
    async ({ type, data }) => {
      const runtime = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }
      ).chrome.runtime;
      const reply = (await runtime.sendMessage({ id: Math.random(), type, data, timestamp: Date.now() })) as {
        res?: unknown;
        err?: { message: string };
      };
      if (reply.err) throw new Error(reply.err.message);
      return reply.res;
    },
    { type, data },
  ) as Promise<T>;
}
