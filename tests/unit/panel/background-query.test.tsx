/**
 * The one way screens read from the background: the answer kept as loading / ready / error, a slower
 * answer never replacing a newer one, reloads on the background's (validated) events as each screen
 * filters them, and writes' answers shown at once.
 */
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PanelState } from '../../../lib/messaging/protocol';

type Listener = (message: { data: unknown }) => unknown;
const messenger = vi.hoisted(() => ({
  sendMessage: vi.fn<(type: string, data: unknown) => Promise<unknown>>(),
  listeners: new Map<string, (message: { data: unknown }) => unknown>(),
}));

vi.mock('@/lib/messaging/messenger', () => ({
  sendMessage: (type: string, data: unknown) => messenger.sendMessage(type, data),
  onMessage: (type: string, listener: Listener) => {
    messenger.listeners.set(type, listener);
    return () => messenger.listeners.delete(type);
  },
}));

const { useBackgroundQuery } = await import('../../../components/shared/useBackgroundQuery');
type Query = ReturnType<typeof useBackgroundQuery<'getPanelState'>>;

/** The background's event, as it reaches the page. */
function broadcast(type: string, data: unknown) {
  act(() => void messenger.listeners.get(type)?.({ data }));
}

/** Answers the background has not given yet, in the order they were asked for. */
function pendingAnswers() {
  const pending: { resolve: (value: unknown) => void; reject: (error: unknown) => void }[] = [];
  messenger.sendMessage.mockImplementation(
    () => new Promise((resolve, reject) => void pending.push({ resolve, reject })),
  );
  return pending;
}

/** Just what these tests look at of a panel state. */
const state = (tabId: number, accountKey: string) =>
  ({ tabId, account: { key: accountKey } }) as unknown as PanelState;

let shown: Query;
function Screen(props: {
  tabId?: number;
  options?: Parameters<typeof useBackgroundQuery<'getPanelState'>>[2];
}) {
  shown = useBackgroundQuery(
    'getPanelState',
    props.tabId === undefined ? {} : { tabId: props.tabId },
    props.options,
  );
  const { result } = shown;
  return (
    <p data-testid="shown">
      {result.status === 'ready'
        ? `${result.data.account?.key}${result.refreshing ? ' (refreshing)' : ''}`
        : result.status === 'error'
          ? `error: ${result.message}`
          : 'loading'}
    </p>
  );
}
const shownText = () => screen.getByTestId('shown').textContent;

describe('useBackgroundQuery', () => {
  beforeEach(() => {
    messenger.sendMessage.mockReset();
    messenger.listeners.clear();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('loads, says why it failed in words, and loads again on retry', async () => {
    const pending = pendingAnswers();
    render(<Screen />);
    expect(shownText()).toBe('loading');
    expect(messenger.sendMessage).toHaveBeenCalledWith('getPanelState', {});

    // Whatever the failure is (here not even an Error), its words are shown.
    await act(async () => pending[0]!.reject('Receiving end does not exist.'));
    expect(shownText()).toBe('error: Receiving end does not exist.');

    act(() => shown.reload());
    expect(shownText()).toBe('error: Receiving end does not exist.');
    await act(async () => pending[1]!.resolve(state(7, 'northwind.com')));
    expect(shownText()).toBe('northwind.com');
  });

  it('drops an answer that arrives after a newer one was asked for', async () => {
    const pending = pendingAnswers();
    const { rerender } = render(<Screen tabId={1} />);
    rerender(<Screen tabId={2} />);
    expect(messenger.sendMessage).toHaveBeenLastCalledWith('getPanelState', { tabId: 2 });

    await act(async () => pending[1]!.resolve(state(2, 'newer.com')));
    await act(async () => pending[0]!.resolve(state(1, 'older.com')));
    expect(shownText()).toBe('newer.com');
  });

  it('asks again only for a request that reads differently', async () => {
    pendingAnswers();
    const { rerender } = render(<Screen tabId={1} />);
    rerender(<Screen tabId={1} />);
    expect(messenger.sendMessage).toHaveBeenCalledTimes(1);
  });

  it('reloads on the events its filter accepts, given the data shown', async () => {
    messenger.sendMessage.mockResolvedValue(state(7, 'northwind.com'));
    const accountFilter = vi.fn(
      (event: { accountKeys: string[] }, data: { account: { key: string } | null } | undefined) =>
        !!data?.account && event.accountKeys.includes(data.account.key),
    );
    render(<Screen options={{ refreshOn: { dataChanged: accountFilter } }} />);
    await screen.findByText('northwind.com');
    expect(messenger.sendMessage).toHaveBeenCalledTimes(1);

    broadcast('dataChanged', { accountKeys: ['contoso.com'] });
    expect(messenger.sendMessage).toHaveBeenCalledTimes(1);
    broadcast('dataChanged', { accountKeys: ['northwind.com'] });
    expect(messenger.sendMessage).toHaveBeenCalledTimes(2);
    // A malformed event never reaches the filter.
    broadcast('dataChanged', { accountKeys: 'northwind.com' });
    expect(accountFilter).toHaveBeenCalledTimes(2);
    expect(messenger.sendMessage).toHaveBeenCalledTimes(2);
  });

  it('shows a write’s answer at once, over a load still on its way', async () => {
    const pending = pendingAnswers();
    render(<Screen />);
    await act(async () => pending[0]!.resolve(state(7, 'northwind.com')));

    act(() => shown.reload());
    act(() => shown.set(state(7, 'written.com')));
    expect(shownText()).toBe('written.com');
    await act(async () => pending[1]!.resolve(state(7, 'stale.com')));
    expect(shownText()).toBe('written.com');

    act(() => shown.set((data) => ({ ...data, account: { ...data.account!, key: 'changed.com' } })));
    expect(shownText()).toBe('changed.com');
  });

  it('keeps the last answer through a failed reload, and marks reloads when asked to', async () => {
    const pending = pendingAnswers();
    render(<Screen options={{ showReloading: true }} />);
    await act(async () => pending[0]!.resolve(state(7, 'northwind.com')));

    act(() => shown.reload());
    expect(shownText()).toBe('northwind.com (refreshing)');
    await act(async () => pending[1]!.reject(new Error('offline')));
    expect(shownText()).toBe('error: offline');
    expect(shown.latest).toEqual(state(7, 'northwind.com'));

    act(() => shown.reload());
    expect(shownText()).toBe('loading');
  });

  it('waits for a burst of events to end, and while the page is hidden until it is shown', async () => {
    vi.useFakeTimers();
    messenger.sendMessage.mockResolvedValue(state(7, 'northwind.com'));
    render(<Screen options={{ refreshOn: { dataChanged: true }, settleMs: 1000 }} />);
    await act(async () => undefined);
    expect(messenger.sendMessage).toHaveBeenCalledTimes(1);

    broadcast('dataChanged', { accountKeys: ['a.com'] });
    act(() => vi.advanceTimersByTime(600));
    broadcast('dataChanged', { accountKeys: ['b.com'] });
    act(() => vi.advanceTimersByTime(600));
    expect(messenger.sendMessage).toHaveBeenCalledTimes(1);
    act(() => vi.advanceTimersByTime(400));
    expect(messenger.sendMessage).toHaveBeenCalledTimes(2);

    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    broadcast('dataChanged', { accountKeys: ['c.com'] });
    act(() => vi.advanceTimersByTime(5000));
    expect(messenger.sendMessage).toHaveBeenCalledTimes(2);
    visibility.mockReturnValue('visible');
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    expect(messenger.sendMessage).toHaveBeenCalledTimes(3);
  });

  it('patches what it shows with a write of its own, and gives an answer begun before it the same change', async () => {
    const pending = pendingAnswers();
    render(<Screen />);
    await act(async () => pending[0]!.resolve(state(7, 'northwind.com')));
    const renamed = (data: PanelState) =>
      ({ ...data, account: { key: `${data.account!.key} (saved)` } }) as PanelState;

    // No load: the change is shown at once.
    act(() => shown.patch(renamed));
    expect(shownText()).toBe('northwind.com (saved)');
    expect(messenger.sendMessage).toHaveBeenCalledTimes(1);

    // A load begun before the next patch is kept (unlike after `set`), and gets the change too.
    act(() => shown.reload());
    act(() => shown.patch(renamed));
    await act(async () => pending[1]!.resolve(state(7, 'contoso.com')));
    expect(shownText()).toBe('contoso.com (saved)');

    // A load begun after the patch read the write itself: it is shown as answered.
    act(() => shown.reload());
    await act(async () => pending[2]!.resolve(state(7, 'fabrikam.com')));
    expect(shownText()).toBe('fabrikam.com');
  });

  it('takes its first answer from a request made before the screen rendered, and sends the later ones', async () => {
    const pending = pendingAnswers();
    let answer: (state: PanelState) => void = () => undefined;
    const firstAnswer = new Promise<PanelState>((resolve) => (answer = resolve));
    render(<Screen options={{ firstAnswer }} />);
    expect(messenger.sendMessage).not.toHaveBeenCalled();
    await act(async () => answer(state(7, 'northwind.com')));
    expect(shownText()).toBe('northwind.com');

    act(() => shown.reload());
    expect(messenger.sendMessage).toHaveBeenCalledTimes(1);
    await act(async () => pending[0]!.resolve(state(7, 'contoso.com')));
    expect(shownText()).toBe('contoso.com');
  });

  it('shows an answer already here at once, as ready, and sends only the later loads', async () => {
    const pending = pendingAnswers();
    render(<Screen options={{ firstData: state(7, 'northwind.com') }} />);
    expect(shownText()).toBe('northwind.com');
    await act(async () => undefined);
    expect(messenger.sendMessage).not.toHaveBeenCalled();

    act(() => shown.reload());
    expect(messenger.sendMessage).toHaveBeenCalledTimes(1);
    await act(async () => pending[0]!.resolve(state(7, 'contoso.com')));
    expect(shownText()).toBe('contoso.com');
  });
});
