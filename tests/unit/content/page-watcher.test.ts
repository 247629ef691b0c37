import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MUTATION_DEBOUNCE_MS,
  MUTATION_MAX_WAIT_MS,
  NAVIGATION_RENDER_WAIT_MS,
  watchPage,
} from '../../../lib/content/page-watcher';
import type { PageContext } from '../../../lib/messaging/messages';
import type { SiteAdapter } from '../../../lib/sites/types';

/** An adapter over a tiny made-up page: the contact is whatever `#sender[email]` says. */
const adapter: SiteAdapter = {
  id: 'test',
  name: 'Test',
  matches: [],
  mainRegionSelector: '#main',
  isSiteUrl: () => true,
  readPage(document): PageContext {
    const email = document.querySelector('#sender')?.getAttribute('email');
    return email
      ? { site: 'test', kind: 'thread', participants: [{ email, role: 'from' }] }
      : { site: 'test', kind: 'unknown', participants: [], reason: 'no-message-header' };
  },
};

describe('watchPage', () => {
  let reports: PageContext[];
  /** One lifecycle per test: aborting it stops the test's watchers. */
  let life: AbortController;

  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML =
      '<div id="main"><span id="sender" email="jane@northwind-trading.com"></span><p id="clock">10:00</p></div>';
    reports = [];
    life = new AbortController();
  });
  afterEach(() => {
    // Watchers observe the shared document: stop each test's so it cannot report into the next.
    life.abort();
    vi.useRealTimers();
  });

  function start() {
    return watchPage(
      document,
      adapter,
      {
        setTimeout: (handler, ms) => setTimeout(handler, ms) as unknown as number,
        isValid: true,
        signal: life.signal,
      },
      (context) => reports.push(context),
    );
  }

  it('reports the first read', () => {
    start().readNow();
    expect(reports).toHaveLength(1);
    expect(reports[0]?.participants[0]?.email).toBe('jane@northwind-trading.com');
  });

  it('sends nothing when mutations do not change what the page shows', async () => {
    start().readNow();
    for (let minute = 1; minute <= 20; minute++) {
      document.querySelector('#clock')!.textContent = `10:${minute}`;
      document.querySelector('#main')!.append(document.createElement('div'));
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(MUTATION_DEBOUNCE_MS * 2);
    expect(reports).toHaveLength(1);
  });

  it('reports once, debounced, when the app swaps the conversation', async () => {
    start().readNow();
    const sender = document.querySelector('#sender')!;
    sender.setAttribute('email', 'tom@contoso-industrial.co.uk');
    sender.replaceWith(sender.cloneNode());
    await vi.advanceTimersByTimeAsync(MUTATION_DEBOUNCE_MS + 10);
    expect(reports.map((report) => report.participants[0]?.email)).toEqual([
      'jane@northwind-trading.com',
      'tom@contoso-industrial.co.uk',
    ]);
  });

  it('still notices a new conversation on a page that never stops changing', async () => {
    start().readNow();
    const sender = document.querySelector('#sender')!;
    sender.setAttribute('email', 'tom@contoso-industrial.co.uk');
    // A counter rewritten every 10 ms would starve a plain debounce forever.
    for (let tick = 0; tick < (MUTATION_MAX_WAIT_MS / 10) * 1.5; tick++) {
      document.querySelector('#clock')!.textContent = String(tick);
      document.querySelector('#main')!.append(document.createElement('i'));
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(reports.at(-1)?.participants[0]?.email).toBe('tom@contoso-industrial.co.uk');
    expect(reports.length).toBeLessThanOrEqual(2);
  });

  it('re-reads after an in-app navigation the DOM observer does not see', async () => {
    start().readNow();
    // An attribute change is no mutation the watcher observes: only the navigation event reads again.
    document.querySelector('#sender')!.setAttribute('email', 'tom@contoso-industrial.co.uk');
    await vi.advanceTimersByTimeAsync(MUTATION_DEBOUNCE_MS + 10);
    expect(reports).toHaveLength(1);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.advanceTimersByTimeAsync(MUTATION_DEBOUNCE_MS + 10);
    expect(reports.at(-1)?.participants[0]?.email).toBe('tom@contoso-industrial.co.uk');
  });

  describe('after an in-app navigation', () => {
    let thread = 0;
    /** The app moves to another address, as a single-page app does. */
    const navigate = () => history.pushState(null, '', `/mail/thread-${++thread}`);
    const swapSender = (email: string) => {
      const sender = document.querySelector('#sender')!;
      const next = sender.cloneNode() as Element;
      next.setAttribute('email', email);
      sender.replaceWith(next);
    };
    const emails = () => reports.map((report) => report.participants[0]?.email ?? 'nobody');

    it('reports the new view at once, without the debounce', async () => {
      start().readNow();
      navigate();
      swapSender('tom@contoso-industrial.co.uk');
      await vi.advanceTimersByTimeAsync(1);
      expect(emails()).toEqual(['jane@northwind-trading.com', 'tom@contoso-industrial.co.uk']);
    });

    it('waits for the app to render the new view instead of reporting the old one again', async () => {
      start().readNow();
      navigate();
      // The app shows a progress bar first: the old thread is still on screen.
      document.querySelector('#main')!.append(document.createElement('progress'));
      await vi.advanceTimersByTimeAsync(300);
      expect(emails()).toEqual(['jane@northwind-trading.com']);
      swapSender('tom@contoso-industrial.co.uk');
      await vi.advanceTimersByTimeAsync(1);
      expect(emails()).toEqual(['jane@northwind-trading.com', 'tom@contoso-industrial.co.uk']);
    });

    it('reports the same person under the new address once the app has had its moment', async () => {
      start().readNow();
      navigate();
      document.querySelector('#main')!.append(document.createElement('div'));
      await vi.advanceTimersByTimeAsync(NAVIGATION_RENDER_WAIT_MS - 10);
      expect(reports).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(20);
      expect(emails()).toEqual(['jane@northwind-trading.com', 'jane@northwind-trading.com']);
    });

    it('tells a view with nobody in it after the debounce, not at the first empty frame', async () => {
      start().readNow();
      navigate();
      document.querySelector('#sender')!.remove();
      await vi.advanceTimersByTimeAsync(1);
      expect(reports).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(MUTATION_DEBOUNCE_MS);
      expect(emails()).toEqual(['jane@northwind-trading.com', 'nobody']);
    });
  });

  it('stops reading when the content script ends', async () => {
    start().readNow();
    life.abort();
    document.querySelector('#main')!.append(document.createElement('i'));
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.advanceTimersByTimeAsync(MUTATION_MAX_WAIT_MS);
    expect(reports).toHaveLength(1);
  });

  it('turns a throwing adapter into an unknown page instead of an error in the page', () => {
    const watcher = watchPage(
      document,
      {
        ...adapter,
        readPage: () => {
          throw new Error('odd DOM');
        },
      },
      { setTimeout: () => 0, isValid: true, signal: life.signal },
      (context) => reports.push(context),
    );
    expect(() => watcher.readNow()).not.toThrow();
    expect(reports[0]).toMatchObject({ kind: 'unknown', reason: 'read-failed' });
  });
});
