/**
 * The bounds every stored row and every message shares, named once. Rows are checked against them on
 * write and read (lib/db/records.ts), messages on receipt (lib/messaging/messages.ts): a value a message
 * admits always fits the row it lands in.
 */

/** A row's id: UUIDs, and the longer ids an older export may carry. */
export const RECORD_ID_MAX_LENGTH = 100;
/** An email address (RFC 5321's limit on a path); also an account key, a domain or a free-mail address. */
export const EMAIL_MAX_LENGTH = 320;
export const ACCOUNT_KEY_MAX_LENGTH = EMAIL_MAX_LENGTH;
/** The shortest address worth keeping: `a@b`. */
export const EMAIL_MIN_LENGTH = 3;
/** A person's or a company's display name. */
export const NAME_MAX_LENGTH = 300;
/** Ids the playbook gives its stages, checklist items, questions and cadence steps. */
export const PLAYBOOK_ID_MAX_LENGTH = 60;
/** An industry's id. */
export const INDUSTRY_MAX_LENGTH = 40;
/** A site adapter's id (`gmail`, `salesforce`, `generic`). */
export const SITE_ID_MAX_LENGTH = 40;
/** A BCP 47 language tag as the UI names it (`zh-CN`). */
export const LOCALE_MAX_LENGTH = 20;
/** A thread subject, a record title or a website as a page shows it. */
export const PAGE_TEXT_MAX_LENGTH = 500;
/** People one page may name (a long thread's every sender and recipient). */
export const PAGE_PARTICIPANTS_MAX = 500;
/** A follow-up's title. */
export const FOLLOW_UP_TITLE_MAX_LENGTH = 10_000;
/** A deal's title. */
export const DEAL_TITLE_MAX_LENGTH = 200;
/** A deal's value, in its currency: far above any real deal, and a typo's twelve zeros are refused. */
export const DEAL_VALUE_MAX = 1e12;
/** The body of one of the playbook's email templates, in one language: a long email, not a document. */
export const EMAIL_TEMPLATE_BODY_MAX_LENGTH = 5_000;
/**
 * Text the panel puts into the message the rep is writing: a filled template (its placeholders may have
 * become names of up to NAME_MAX_LENGTH) or a question.
 */
export const COMPOSE_TEXT_MAX_LENGTH = 20_000;
/** A note's text, about a hundred pages. */
export const NOTE_MAX_LENGTH = 200_000;
/**
 * The longest page URL Dealside keeps: a tab's page, and a contact's last page. Page metadata never fails
 * a write: a longer URL is cut where it only tells pages apart and dropped where it would be a link
 * (see lib/background/page-url.ts).
 */
export const PAGE_URL_MAX_LENGTH = 4096;
/**
 * A touch's identity: the thread or record it was on (its site and the part of its URL that names it),
 * and the local day. At most a page URL, its site id and a date.
 */
export const TOUCH_KEY_MAX_LENGTH = PAGE_URL_MAX_LENGTH + SITE_ID_MAX_LENGTH + 20;
/** A host name (RFC 1035 limits a domain name to 253 characters). */
export const DOMAIN_MAX_LENGTH = 253;
/** The latest instant a JavaScript Date can hold, in milliseconds since the epoch. */
export const INSTANT_MAX = 8.64e15;
/** The most first cards per stage a pipeline page may ask for before the rest (a column's first screens). */
export const PIPELINE_FIRST_CARDS_MAX = 500;

/** The sync server's address, database name (CouchDB allows 238), user name and password as typed. */
export const SYNC_URL_MAX_LENGTH = 2_000;
export const SYNC_DATABASE_MAX_LENGTH = 238;
export const SYNC_USERNAME_MAX_LENGTH = 200;
export const SYNC_PASSWORD_MAX_LENGTH = 1_000;
/** A CouchDB revision id: the generation, a dash and a hash (32 hex digits from CouchDB and PouchDB). */
export const SYNC_REVISION_MAX_LENGTH = 100;
