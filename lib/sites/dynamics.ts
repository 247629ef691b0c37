/**
 * Dynamics 365 (model-driven apps) contact and lead forms:
 * `main.aspx?appid=…&pagetype=entityrecord&etn=contact&id=…`. Fields carry `data-id` hooks
 * (`emailaddress1.fieldControl-mail-text-input`, then 2 and 3); the title is `h1[data-id=header_title]`.
 */
import { crm } from './dom';

export const examples = {
  matches: [
    'https://contoso-industrial.crm.dynamics.com/main.aspx?appid=8f2a1c34-5b6d-4e7f-9a0b-1c2d3e4f5a6b&pagetype=entityrecord&etn=contact&id=3f2504e0-4f89-11d3-9a0c-0305e82c3301',
    'https://dealside.crm4.dynamics.com/main.aspx?etn=lead&pagetype=entityrecord&id=5a1b2c3d-0000-4000-8000-00000000abcd',
    'https://dealside.crm11.dynamics.com/main.aspx?appid=8f2a1c34-5b6d-4e7f-9a0b-1c2d3e4f5a6b&pagetype=entitylist&etn=contact&viewid=00000000-0000-0000-00aa-000010001004',
  ],
  nonMatches: [
    'https://dynamics.microsoft.com/en-us/sales/',
    'https://dealside.crm4.dynamics.com.evil.example/main.aspx',
  ],
};

export const dynamics = crm({
  id: 'dynamics',
  name: 'Dynamics 365',
  // Regional hosts: crm (North America), crm2 … crm21.
  hosts: ['', 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 15, 16, 17, 19, 20, 21].map((n) => `.crm${n}.dynamics.com`),
  records: [{ url: /^(?=.*pagetype=entityrecord)(?=.*etn=(contact|lead)\b)/, kind: 'person' }],
  lists: /pagetype=entitylist/,
  emails: ['input[data-id*=emailaddress]'],
  titles: ['h1[data-id=header_title]', 'h1'],
  rank: (e) => +(/emailaddress(\d)/.exec(e.getAttribute('data-id')!)?.[1] ?? 9),
});
