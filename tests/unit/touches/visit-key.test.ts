/**
 * What makes two openings one touch: the thread or record (named per site family) and the local day;
 * and the subject a touch keeps.
 */
import { describe, expect, it } from 'vitest';
import { PAGE_TEXT_MAX_LENGTH, TOUCH_KEY_MAX_LENGTH } from '../../../lib/limits';
import { localDay, threadIdentity, touchTitle, visitKey } from '../../../lib/touches/visit-key';

const GMAIL = 'https://mail.google.com/mail/u/0/';

describe('threadIdentity', () => {
  it('names a Gmail thread by its id in the mailbox, whatever folder or label it was opened from', () => {
    const inbox = threadIdentity('gmail', `${GMAIL}#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb`);
    expect(threadIdentity('gmail', `${GMAIL}#all/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb`)).toBe(inbox);
    expect(threadIdentity('gmail', `${GMAIL}#label/Customers/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb`)).toBe(inbox);
    expect(threadIdentity('gmail', `${GMAIL}#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb?compose=new`)).toBe(
      inbox,
    );
    expect(threadIdentity('gmail', `${GMAIL}#inbox/FMfcgzQXKcZbhLrNmQpWvTdSxHfJgBkD`)).not.toBe(inbox);
    // Another signed-in mailbox is another mailbox.
    expect(
      threadIdentity('gmail', 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb'),
    ).not.toBe(inbox);
  });

  it('names an Outlook item by its id, whatever folder shows it', () => {
    const id = 'AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAJmJr3Do';
    expect(threadIdentity('outlook', `https://outlook.office.com/mail/inbox/id/${id}`)).toBe(
      threadIdentity('outlook', `https://outlook.office.com/mail/archive/id/${id}`),
    );
    expect(threadIdentity('outlook', `https://outlook.office.com/mail/inbox/id/${id}x`)).not.toBe(
      threadIdentity('outlook', `https://outlook.office.com/mail/inbox/id/${id}`),
    );
  });

  it('names any other page by its whole address, so two records never count as one', () => {
    const contact = 'https://acme.lightning.force.com/lightning/r/Contact/003Hx00001/view';
    expect(threadIdentity('salesforce', contact)).not.toBe(
      threadIdentity('salesforce', contact.replace('001', '002')),
    );
    expect(threadIdentity('dynamics', 'https://acme.crm.dynamics.com/main.aspx?etn=contact&id=1')).not.toBe(
      threadIdentity('dynamics', 'https://acme.crm.dynamics.com/main.aspx?etn=contact&id=2'),
    );
    expect(threadIdentity('gmail', 'not a url')).toBe('gmail not a url');
  });
});

describe('visitKey', () => {
  it('is one per thread per local day: the same thread after midnight is a new visit', () => {
    const url = `${GMAIL}#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb`;
    const morning = new Date(2026, 2, 9, 8, 0).getTime();
    const lateEvening = new Date(2026, 2, 9, 23, 59).getTime();
    const afterMidnight = new Date(2026, 2, 10, 0, 1).getTime();
    expect(visitKey('gmail', url, lateEvening)).toBe(visitKey('gmail', url, morning));
    expect(visitKey('gmail', url, afterMidnight)).not.toBe(visitKey('gmail', url, lateEvening));
    expect(localDay(afterMidnight)).toBe('2026-03-10');
  });

  it('stays within its bound for the longest address kept', () => {
    const url = `https://crm.example.com/record?${'a%20'.repeat(1024)}`;
    expect(visitKey('generic', url, 0).length).toBeLessThanOrEqual(TOUCH_KEY_MAX_LENGTH);
  });
});

describe('touchTitle', () => {
  it("is the page's subject, else the tab's title, with white space tidied", () => {
    expect(touchTitle('  Re:\n Pilot   scope ', 'Inbox - Gmail')).toBe('Re: Pilot scope');
    expect(touchTitle(undefined, ' Jane Cooper | Salesforce ')).toBe('Jane Cooper | Salesforce');
    expect(touchTitle('   ', undefined)).toBe('');
  });

  it('is cut to the bound without splitting a character', () => {
    const title = touchTitle(`${'询'.repeat(PAGE_TEXT_MAX_LENGTH - 1)}🚚🚚`, undefined);
    expect(title.length).toBeLessThanOrEqual(PAGE_TEXT_MAX_LENGTH);
    expect(title.endsWith('询')).toBe(true);
  });
});
