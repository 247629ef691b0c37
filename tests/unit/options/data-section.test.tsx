/**
 * The "Your data" section against the real background code (in-process messenger, fake-indexeddb):
 * export saves a file, import previews then merges, a bad file is refused with its place named, an
 * account's notes are copied or deleted after a confirmation naming it, and everything is deleted only
 * after the word is typed.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { database } from '../../../lib/background/db-connection';
import { DATA_STORES } from '../../../lib/data-transfer/format';
import { account, contact, note, sampleFile, sampleRows } from '../data-transfer/rows';
import { resetDatabase } from '../support/database';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

const { DataSection } = await import('../../../components/options/DataSection');

async function seed(rows = sampleRows()) {
  const db = await database();
  for (const store of DATA_STORES) for (const row of rows[store]) await db.put(store, row as never);
}

function jsonFile(value: unknown, name = 'dealside-export.json'): File {
  return new File([typeof value === 'string' ? value : JSON.stringify(value)], name, {
    type: 'application/json',
  });
}

/** Captures what the section hands to the browser's download machinery. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:dealside/${blobs.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names };
}

describe('DataSection', () => {
  beforeEach(async () => {
    await resetDatabase();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('exports everything as one JSON file saved by a download link', async () => {
    await seed();
    const downloads = captureDownloads();
    render(<DataSection />);
    await userEvent.click(screen.getByTestId('export-json'));
    await waitFor(() =>
      expect(screen.getByTestId('export-status')).toHaveTextContent(/^Saved dealside-export-/),
    );
    expect(downloads.names).toEqual([expect.stringMatching(/^dealside-export-\d{4}-\d{2}-\d{2}\.json$/)]);
    const file = JSON.parse(await downloads.blobs[0]!.text()) as {
      notes: unknown[];
      deals: unknown[];
      format: string;
    };
    expect(file.format).toBe('dealside-export');
    expect(file.notes).toEqual(sampleRows().notes);
    expect(file.deals).toEqual(sampleRows().deals);
    expect(screen.getByTestId('export-status')).toHaveTextContent('8 rows');
  });

  it('exports notes as CSV for a CRM', async () => {
    await seed();
    const downloads = captureDownloads();
    render(<DataSection />);
    await userEvent.click(screen.getByTestId('export-notes-csv'));
    await waitFor(() => expect(downloads.blobs).toHaveLength(1));
    expect(downloads.names[0]).toMatch(/^dealside-notes-.*\.csv$/);
    expect(downloads.blobs[0]!.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await downloads.blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('exports deals as CSV, one row per deal with its stage by name', async () => {
    await seed();
    const downloads = captureDownloads();
    render(<DataSection />);
    await userEvent.click(screen.getByTestId('export-deals-csv'));
    await waitFor(() => expect(downloads.blobs).toHaveLength(1));
    expect(downloads.names[0]).toMatch(/^dealside-deals-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await downloads.blobs[0]!.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^Deal ID,Account key,Account,Deal,/);
    expect(lines[1]).toContain(
      'd1,northwind-trading.com,Northwind 贸易,"Cold-chain pilot, 3 warehouses",48000,EUR,2025-09-30,Needs discovery,discovery,open',
    );
    expect(lines.filter((line) => line !== '')).toHaveLength(2);
  });

  it('previews an import, merges it on confirmation, and says "nothing new" the second time', async () => {
    render(<DataSection />);
    await userEvent.upload(screen.getByTestId('import-json'), jsonFile(sampleFile()));
    const preview = await screen.findByTestId('import-preview');
    const notesRow = preview.querySelector('tr[data-store="notes"]')!;
    expect(
      within(notesRow as HTMLElement)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['1', '1', '0', '0', '0']);
    const dealsRow = preview.querySelector('tr[data-store="deals"]')!;
    expect(
      within(dealsRow as HTMLElement)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['1', '1', '0', '0', '0']);
    expect(screen.queryByTestId('import-nothing-new')).not.toBeInTheDocument();
    expect(await (await database()).count('notes')).toBe(0);

    await userEvent.click(screen.getByTestId('import-confirm'));
    await waitFor(() =>
      expect(screen.getByTestId('import-status')).toHaveTextContent('Imported: 8 new, 0 updated.'),
    );
    expect(screen.queryByTestId('import-preview')).not.toBeInTheDocument();
    expect((await (await database()).getAll('notes')).map((row) => row.body)).toEqual([
      sampleRows().notes[0]!.body,
    ]);

    await userEvent.upload(screen.getByTestId('import-json'), jsonFile(sampleFile()));
    expect(await screen.findByTestId('import-nothing-new')).toHaveTextContent('Nothing new');
    await userEvent.click(screen.getByTestId('import-confirm'));
    await waitFor(() => expect(screen.getByTestId('import-status')).toHaveTextContent('Nothing changed'));
    expect(await (await database()).count('notes')).toBe(1);
  });

  it('refuses a bad file saying why and where, and writes nothing', async () => {
    render(<DataSection />);
    const broken = { ...sampleFile(), notes: [{ ...sampleRows().notes[0], body: 12 }] };
    await userEvent.upload(screen.getByTestId('import-json'), jsonFile(broken));
    const problem = await screen.findByTestId('import-problem');
    expect(problem).toHaveAttribute('role', 'alert');
    expect(problem).toHaveTextContent('This file was not imported; nothing was changed.');
    expect(problem).toHaveTextContent('notes[0].body: Invalid input: expected string, received number');
    expect(screen.queryByTestId('import-confirm')).not.toBeInTheDocument();

    await userEvent.upload(
      screen.getByTestId('import-json'),
      jsonFile(JSON.stringify(sampleFile()).slice(0, 200)),
    );
    await waitFor(() => expect(screen.getByTestId('import-problem')).toHaveTextContent('cut off'));
    for (const store of DATA_STORES) expect(await (await database()).count(store)).toBe(0);
  });

  it('lets the rep cancel an import after the preview', async () => {
    render(<DataSection />);
    await userEvent.upload(screen.getByTestId('import-json'), jsonFile(sampleFile()));
    await screen.findByTestId('import-preview');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('import-preview')).not.toBeInTheDocument();
    expect(await (await database()).count('accounts')).toBe(0);
  });

  it('finds an account and copies its notes as Markdown', async () => {
    await seed({
      ...sampleRows(),
      accounts: [
        account('northwind-trading.com', { displayName: 'Northwind' }),
        account('contoso.com', { updatedAt: 9e12 }),
      ],
      contacts: [
        contact('jane.cooper@northwind-trading.com', 'northwind-trading.com', { name: 'Jane Cooper' }),
      ],
    });
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<DataSection />);
    const select = screen.getByTestId('data-account-select');
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(2));
    await userEvent.type(screen.getByTestId('data-account-search'), 'north');
    await waitFor(() =>
      expect(
        within(select)
          .getAllByRole('option')
          .map((option) => option.textContent),
      ).toEqual(['Northwind (northwind-trading.com)']),
    );
    await userEvent.click(screen.getByTestId('copy-notes-markdown'));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    expect(writeText.mock.calls[0]![0]).toContain('# Northwind');
    expect(writeText.mock.calls[0]![0]).toContain('Budget "approved", next: pilot 🚚');
    expect(screen.getByTestId('account-data-status')).toHaveTextContent(
      'Copied 1 notes of Northwind (northwind-trading.com).',
    );
  });

  it('shows the Markdown to copy by hand when the clipboard refuses', async () => {
    await seed();
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: async () => Promise.reject(new Error('Document is not focused')) },
      configurable: true,
    });
    render(<DataSection />);
    await waitFor(() => expect(screen.getByTestId('copy-notes-markdown')).toBeEnabled());
    await userEvent.click(screen.getByTestId('copy-notes-markdown'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not copy');
    expect((screen.getByLabelText('Notes as Markdown') as HTMLTextAreaElement).value).toContain('pilot 🚚');
  });

  it("deletes one account's data after a confirmation that names it", async () => {
    await seed({
      ...sampleRows(),
      accounts: [account('northwind-trading.com'), account('contoso.com', { updatedAt: 1 })],
      notes: [...sampleRows().notes, note('c1', 'contoso.com')],
    });
    render(<DataSection />);
    const select = screen.getByTestId('data-account-select');
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(2));
    await userEvent.selectOptions(select, 'northwind-trading.com');
    await userEvent.click(screen.getByTestId('delete-account-data'));
    const dialog = screen.getByTestId('delete-account-dialog');
    expect(dialog).toHaveAttribute('open');
    expect(within(dialog).getByRole('heading')).toHaveTextContent('Delete northwind-trading.com?');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();

    await userEvent.click(within(dialog).getByTestId('delete-account-confirm'));
    await waitFor(() =>
      expect(screen.getByTestId('account-data-status')).toHaveTextContent(
        'Deleted northwind-trading.com: 1 notes, 1 follow-ups, 1 people.',
      ),
    );
    expect(dialog).not.toHaveAttribute('open');
    expect((await (await database()).getAll('notes')).map((row) => row.id)).toEqual(['c1']);
    await waitFor(() =>
      expect(
        within(select)
          .getAllByRole('option')
          .map((option) => option.textContent),
      ).toEqual(['contoso.com']),
    );
  });

  it('deletes everything only once the confirmation word is typed', async () => {
    await seed();
    render(<DataSection />);
    const button = screen.getByTestId('delete-all');
    expect(button).toBeDisabled();
    await userEvent.type(screen.getByLabelText('Type DELETE to confirm'), 'delete');
    expect(button).toBeDisabled();
    await userEvent.clear(screen.getByLabelText('Type DELETE to confirm'));
    await userEvent.type(screen.getByLabelText('Type DELETE to confirm'), 'DELETE');
    await userEvent.click(button);
    await waitFor(() =>
      expect(screen.getByTestId('delete-all-status')).toHaveTextContent('Deleted everything: 8 rows.'),
    );
    for (const store of DATA_STORES) expect(await (await database()).count(store)).toBe(0);
    await waitFor(() =>
      expect(screen.getByTestId('data-account-count')).toHaveTextContent('No accounts yet.'),
    );
  });

  it('turns daily backups on after the rep allows downloads, and shows the last backup', async () => {
    await seed();
    let granted = false;
    const request = vi.fn(async () => {
      granted = true;
      return true;
    });
    fakeBrowser.permissions.request = request as unknown as typeof fakeBrowser.permissions.request;
    fakeBrowser.permissions.contains = (async () => granted) as typeof fakeBrowser.permissions.contains;
    const download = vi.fn(async () => 1);
    fakeBrowser.downloads.download = download as unknown as typeof fakeBrowser.downloads.download;

    render(<DataSection />);
    expect(screen.getByTestId('backup-uninstall-warning')).toHaveTextContent(
      'Uninstalling an extension deletes its data — keep a backup if this matters.',
    );
    await waitFor(() => expect(screen.getByTestId('backup-status')).toHaveTextContent('No backup yet.'));
    await userEvent.selectOptions(screen.getByLabelText('Back up'), 'daily');
    await waitFor(() =>
      expect(screen.getByTestId('backup-status')).toHaveTextContent(/Last backup: .*dealside-backup-/),
    );
    expect(request).toHaveBeenCalledWith({ permissions: ['downloads'] });
    expect(download).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('backup-status')).toHaveTextContent('Next backup:');
    expect(screen.getByLabelText('Back up')).toHaveValue('daily');
  });

  it('keeps backups off when the rep does not allow downloads', async () => {
    fakeBrowser.permissions.request = (async () =>
      false) as unknown as typeof fakeBrowser.permissions.request;
    fakeBrowser.permissions.contains = (async () => false) as typeof fakeBrowser.permissions.contains;
    render(<DataSection />);
    await waitFor(() => expect(screen.getByLabelText('Back up')).toBeEnabled());
    await userEvent.selectOptions(screen.getByLabelText('Back up'), 'weekly');
    expect(await screen.findByRole('alert')).toHaveTextContent('Backups need permission to save downloads');
    expect(screen.getByLabelText('Back up')).toHaveValue('off');
  });

  it('keeps as many backups as the rep chooses, deleting the older files at once', async () => {
    fakeBrowser.permissions.contains = (async () => true) as typeof fakeBrowser.permissions.contains;
    const files = new Set<number>();
    let nextId = 1;
    fakeBrowser.downloads.download = (async () => {
      files.add(nextId);
      return nextId++;
    }) as unknown as typeof fakeBrowser.downloads.download;
    fakeBrowser.downloads.removeFile = (async (id: number) => {
      files.delete(id);
    }) as unknown as typeof fakeBrowser.downloads.removeFile;
    fakeBrowser.downloads.erase = (async () => []) as unknown as typeof fakeBrowser.downloads.erase;

    render(<DataSection />);
    await waitFor(() => expect(screen.getByLabelText('Keep')).toBeEnabled());
    expect(screen.getByLabelText('Keep')).toHaveValue('7');
    expect(screen.getByText(/Backups are not encrypted/)).toBeInTheDocument();
    for (let backup = 0; backup < 4; backup++) {
      await userEvent.click(screen.getByTestId('backup-now'));
      await waitFor(() => expect(screen.getByTestId('backup-now')).toBeEnabled());
    }
    expect(files.size).toBe(4);

    await userEvent.selectOptions(screen.getByLabelText('Keep'), 'the last 3');
    await waitFor(() => expect(screen.getByLabelText('Keep')).toHaveValue('3'));
    expect([...files]).toEqual([2, 3, 4]);
  });
});
