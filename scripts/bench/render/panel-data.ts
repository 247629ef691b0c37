/** Loading an account's panel data (group `panel-data`): section 6. */
import { count, counted, ms, ratio, summaryRows, table } from '../markdown';
import type { PanelDataResult } from '../panel-data';
import { medianVerdict, p95Verdict, status, type Verdict } from './verdict';
import { AUTOSAVE_DELAY_MS } from '../../../lib/notes/autosave';

export function renderPanelData(result: PanelDataResult, verdicts: Verdict[]): string {
  const rows = result.cases.map((row) => {
    const verdict = p95Verdict(
      `Panel data (\`getPanelState\`), ${row.label} (${row.besides ? `${row.besides}, ` : ''}` +
        `${count(row.notesInDatabase)} of ` +
        `${count(result.database.notes ?? 0)} notes; ${count(result.database.accounts ?? 0)} accounts, ` +
        `${count(result.database.followUps ?? 0)} follow-ups)`,
      row.summary,
      result.budgetMs,
      'round trip in the tab’s panel frame, `performance.now()`',
    );
    verdict.result = `${ratio(result.baseline.median / row.summary.median)} faster than a full scan (median)`;
    verdicts.push(verdict);
    return { row, verdict };
  });
  const { autosave } = result;
  // Its budget is on the median (the p95 is reported beside it).
  const autosaveVerdict = medianVerdict(
    `Background work per autosave, big account (${count(autosave.notesOnAccount)} notes)`,
    autosave.handled,
    autosave.budgetMs,
    'in the service worker, from the router receiving `saveNote` to the handler’s answer, `performance.measure`',
  );
  autosaveVerdict.result = `${ratio(autosave.saveAndReload.median / autosave.save.median)} less than a save and a reload (round trips, median)`;
  verdicts.push(autosaveVerdict);
  return [
    '## 6. Loading an account’s panel data',
    `Budget: ≤ ${ms(result.budgetMs)} p95 with ${count(result.database.accounts ?? 0)} accounts, ` +
      `${count(result.database.notes ?? 0)} notes and ${count(result.database.followUps ?? 0)} follow-ups in ` +
      `the database. Status: ${rows.every(({ verdict }) => !verdict.missed) ? 'within budget' : '**MISSED**'}.`,
    table(
      ['What', 'n', 'Median', 'p95', 'Min', 'Max', 'Answer carried', 'Median vs. ours', 'Status'],
      [
        ...rows.map(({ row, verdict }) => [
          `\`getPanelState\`, ${row.label} (\`${row.accountKey}\`)`,
          ...summaryRows(row.summary),
          `${counted(row.notesReturned, 'note')}, ${counted(row.followUpsReturned, 'follow-up')}, ` +
            `${counted(row.peopleReturned, 'person', 'people')}, ${counted(row.dealsReturned, 'deal')}, ` +
            counted(row.touchesReturned, 'touch', 'touches'),
          '1.0×',
          status(verdict),
        ]),
        [
          'Baseline — full scan: `getAll` of notes, follow-ups and people, filtered and sorted in the page',
          ...summaryRows(result.baseline),
          'the same rows',
          result.cases
            .map((row) => `${ratio(result.baseline.median / row.summary.median)} (${row.label})`)
            .join(', '),
          'baseline',
        ],
      ],
      ['left', 'right', 'right', 'right', 'right', 'right', 'left', 'right', 'left'],
    ),
    [
      '- Three Gmail-like threads (scripts/bench/fixtures/gmail-thread.ts) served at real Gmail addresses, one ' +
        "per tab: Oliver Grant's (the typical account), Jane Cooper's (the big account) and Mei Lin's (the busy " +
        "account: 20 deals, three of them open, and 200 touches). Each tab's panel shows its contact before " +
        'timing starts.',
      "- Timed from inside each tab's panel frame, the extension page that sends this message in the product: " +
        '`getPanelState({ tabId })` through `chrome.runtime.sendMessage` in the wire format of ' +
        '@webext-core/messaging, from just before the send to the answer, with `performance.now()`. The ' +
        "background answers about the sender's own tab, which is the tab named. The tabs take turns; " +
        `${counted(result.warmup, 'warm-up round')} first, not counted.`,
      '- The answer includes the contact chosen from the page, the account, its people and deals, its notes ' +
        '(newest 500: `listNotes` walks the `by-account-created` index), its follow-ups (`by-account` index, ' +
        'open ones then the 20 most recently done), its newest touches and stage moves (bounded reads of their ' +
        '`by-account-at` indexes), and the SPIN questions asked; every timed answer was checked to be about the ' +
        'expected contact and account. "Answer carried" counts the touches the panel was sent, not the ' +
        "account's whole history.",
      '- Baseline: in the quiet extension page, the same account’s notes, follow-ups, account and people read ' +
        'without the indexes (`getAll` of each store, filtered and sorted in JavaScript). It is timed inside ' +
        'the page, so no message round trip is counted against it; it alternates between the accounts ' +
        '(its cost does not depend on the account). "Median vs. ours" is the baseline median divided by ours.',
    ].join('\n'),
    '### Autosave',
    `Budget: ≤ ${ms(autosave.budgetMs)} median of background work per autosave on the big account ` +
      `(${count(autosave.notesOnAccount)} notes). Status: ${status(autosaveVerdict)}.`,
    table(
      ['What', 'n', 'Median', 'p95', 'Min', 'Max', 'Status'],
      [
        [
          'Background work: `saveNote` in the service worker, from the router receiving it to the answer',
          ...summaryRows(autosave.handled),
          status(autosaveVerdict),
        ],
        [
          '`saveNote` round trip from an extension page, the saving panel named: it shows the answer',
          ...summaryRows(autosave.save),
          'the same saves, with the message’s way',
        ],
        [
          'Baseline — `saveNote`, then the saving panel’s `getPanelState` (how every autosave ended before)',
          ...summaryRows(autosave.saveAndReload),
          'baseline',
        ],
      ],
      ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
    [
      '- After the timings above, the big account’s tab keeps its page, but its panel is removed, so no ' +
        "screen reloads on the saves' change events; the other tabs are closed. From the quiet extension " +
        'page, one note of the big account is edited again and again (text growing to ' +
        `${count(autosave.bodyLength)} characters), each save on the revision the last one returned. The two ` +
        'methods take turns; each baseline run is a save followed at once by `getPanelState` of that tab. ' +
        `Each timed save is sent as the panel sends an autosave, ${AUTOSAVE_DELAY_MS} ms after the ` +
        'work before it ended, not straight after the baseline’s reload of 500 notes.',
      '- Background work: the background records a User Timing measure for every message it handles ' +
        '(lib/background/handler-timing.ts), from the moment its router receives the message (before the ' +
        'sender and payload checks) to the moment the handler’s answer is ready, with `performance.now()` ' +
        'in the service worker (100 µs resolution there). The benchmark reads the measure of each timed save ' +
        'through the DevTools protocol (`Runtime.evaluate` in the service worker) after its answer arrives, ' +
        'and clears it before the next. The message’s way there and back (structured clone, the browser’s ' +
        'routing) is not in it; it is in the round trip row, the same saves timed in the page.',
      '- Each save carries the contact the panel shows, as the panel sends it, and runs in one IndexedDB ' +
        'transaction with relaxed durability (lib/db/notes.ts says why): the note, its account, its person ' +
        'and the settings (for the author) read together, then the note and its notes search delta written ' +
        'and the commit asked for at once (the note’s write is not awaited before the delta’s: one trip to ' +
        'the database less); then one change event. The baseline runs the same way, followed at once by ' +
        '`getPanelState` of that tab.',
    ].join('\n'),
  ].join('\n\n');
}
