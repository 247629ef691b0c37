/** The large database the data groups share (panel-data, popup-data, insights-search, memory): section 5. */
import { BIG_ACCOUNT, SCALE, TYPICAL_ACCOUNT } from '../in-page/scale-rows';
import { count, rowsText, table } from '../markdown';
import type { SeedStep } from '../scale-browser';

export function renderDatabase(seeding: SeedStep[]): string {
  return [
    '## 5. The large database (sections 6–8)',
    'Sections 6–8 share one browser with the built extension and one database, seeded once, in steps, as ' +
      'the groups need it. The rows are generated in an extension page (scripts/bench/in-page/scale-rows.ts: ' +
      'each row a pure function of its index), checked against the schemas of lib/db/records.ts, and written ' +
      "straight into the extension's IndexedDB in transactions of 25,000 puts, after the background has " +
      'created the database.',
    table(
      ['Seeding step', 'Rows written', 'Time'],
      seeding.map((step) => [step.what, rowsText(step.rows), `${step.seconds.toFixed(1)} s`]),
      ['left', 'left', 'right'],
    ),
    [
      `- **Accounts:** ${count(SCALE.accounts)}, each with 1–3 people (the big account 12), a stage and an industry.`,
      `- **Notes:** ${count(SCALE.notes)}. The big account (\`${BIG_ACCOUNT}\`) has ${count(SCALE.bigAccountNotes)}, ` +
        `the typical one (\`${TYPICAL_ACCOUNT}\`) ${SCALE.typicalAccountNotes}; of the others most have 5–15, ` +
        'a tenth 0–4 and one in fifty 20–60. Bodies of two to four sentences, English (some accented) and ' +
        'Chinese mixed, created over the last 700 days.',
      `- **Stage events:** ${count(SCALE.stageEvents)}, ${SCALE.eventsPerAccount} per account over the last ` +
        `two years (mostly forward, sometimes skipping or going back). **SPIN log:** ${count(SCALE.questionLog)} rows.`,
      `- **Follow-ups:** ${count(SCALE.panelFollowUps)} for section 6, then ${count(SCALE.popupFollowUps - SCALE.panelFollowUps)} ` +
        `more (same distribution) for sections 7 and 8. Per ${count(SCALE.popupFollowUps)}: 40 open and due within ` +
        "the popup's next seven days (from two hours ahead, so no reminder rings during the run), 20 open and " +
        'overdue, 1 % proposed by the cadence, about a quarter open and due 10–365 days ahead, the rest done ' +
        '(due over the past two years). One in 200 belongs to the big account.',
      "- The page used for seeding, the baselines and most messages is the extension's built `manifest.json` " +
        'opened in a tab: an extension-origin document (privileged sender, same IndexedDB as the background) ' +
        "running none of the app's scripts, since the options page and the popup refresh themselves on every " +
        'change event. Round trips are timed there with `performance.now()` (extension pages are not ' +
        'cross-origin isolated: 0.1 ms steps).',
    ].join('\n'),
  ].join('\n\n');
}
