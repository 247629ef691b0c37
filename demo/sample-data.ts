/**
 * A little sample history for the demo customer, entered through the panel as a rep would. Every name,
 * company and address here is fictional.
 */
export const DEMO_THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb';

export const DEMO_STAGE = 'discovery';

/** Checklist items of the demo stage the rep has already done. */
export const DEMO_CHECKLIST_DONE = 1;

export const DEMO_NOTES = [
  'Intro call with Jane: three warehouses, 40 users. Current tool is spreadsheets; stock counts are a week late.',
  'Pilot budget approved. Board decides on the full rollout in March — Jane wants a one-page ROI summary first.',
];

export const DEMO_FOLLOW_UP = 'Send Jane the one-page ROI summary';
