/**
 * Dynamics 365 model-driven apps (Unified Interface, 2019+) record forms:
 * `main.aspx?appid=…&pagetype=entityrecord&etn=<table>&id=…`. Contacts and leads are people; accounts are
 * companies keyed by `websiteurl`; opportunities are deals. Fields carry `data-id` hooks
 * (`emailaddress1.fieldControl-mail-text-input`, then 2 and 3; `websiteurl.fieldControl-url-text-input`);
 * a quick view form repeats another record's fields under its own prefix
 * (`<form>.emailaddress1.fieldControl-…` inside `[data-id=<form>-QuickFormContainer]`), which is how an
 * opportunity or account shows its contact's address. The title is `h1[data-id=header_title]`.
 */
import { crm } from './dom';

export const examples = {
  matches: [
    'https://contoso-industrial.crm.dynamics.com/main.aspx?appid=8f2a1c34-5b6d-4e7f-9a0b-1c2d3e4f5a6b&pagetype=entityrecord&etn=contact&id=3f2504e0-4f89-11d3-9a0c-0305e82c3301',
    'https://dealside.crm4.dynamics.com/main.aspx?etn=lead&pagetype=entityrecord&id=5a1b2c3d-0000-4000-8000-00000000abcd',
    'https://dealside.crm11.dynamics.com/main.aspx?appid=8f2a1c34-5b6d-4e7f-9a0b-1c2d3e4f5a6b&pagetype=entityrecord&etn=account&id=6b1c2d3e-1111-4000-8000-00000000beef',
    'https://dealside.crm6.dynamics.com/main.aspx?appid=8f2a1c34-5b6d-4e7f-9a0b-1c2d3e4f5a6b&pagetype=entityrecord&etn=opportunity&id=7c2d3e4f-2222-4000-8000-00000000cafe',
    'https://dealside.crm11.dynamics.com/main.aspx?appid=8f2a1c34-5b6d-4e7f-9a0b-1c2d3e4f5a6b&pagetype=entitylist&etn=contact&viewid=00000000-0000-0000-00aa-000010001004',
  ],
  nonMatches: [
    'https://dynamics.microsoft.com/en-us/sales/',
    'https://dealside.crm4.dynamics.com.evil.example/main.aspx',
    'https://dealside.dynamics.com/main.aspx?pagetype=entityrecord&etn=account',
  ],
};

const form = (table: string) => new RegExp(`^(?=.*pagetype=entityrecord)(?=.*etn=(${table})\\b)`);

export const dynamics = crm({
  id: 'dynamics',
  name: 'Dynamics 365',
  // Regional hosts: crm (North America), crm2 … crm21.
  hosts: ['', 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 15, 16, 17, 19, 20, 21].map((n) => `.crm${n}.dynamics.com`),
  records: [
    { url: form('contact|lead'), kind: 'person' },
    { url: form('account'), kind: 'company' },
    { url: form('opportunity'), kind: 'deal' },
  ],
  lists: /pagetype=entitylist/,
  emails: [
    // The record's own address fields, in the form body or the header flyout (`header_` prefix).
    'input[data-id^=emailaddress],input[data-id^=header_emailaddress]',
    // A quick view form of the related contact (an opportunity's or account's), prefixed by its name.
    '[data-id$=QuickFormContainer] input[data-id*=".emailaddress"]',
  ],
  websites: [
    'input[data-id^=websiteurl],input[data-id^=header_websiteurl]',
    // An opportunity's account quick view form.
    '[data-id$=QuickFormContainer] input[data-id*=".websiteurl"]',
  ],
  titles: ['h1[data-id=header_title]', 'h1'],
  rank: (e) => +(/emailaddress(\d)/.exec(e.getAttribute('data-id')!)?.[1] ?? 9),
});
