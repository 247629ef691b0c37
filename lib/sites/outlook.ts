/**
 * Outlook on the web (work and personal). Hooks: the reading pane, ARIA list items per message (newest
 * first in the DOM), persona elements whose `title` is the address, To/Cc rows found by their labels,
 * To/Cc compose fields by aria-label, and the account manager (`#O365_MainLink_Me`, `#mectrl_*`).
 */
import { addrOf, all, at, emailsIn, nameOf, page, people, pick, roleOf, shown, site, text } from './dom';
import { unknownPage } from './types';

export const examples = {
  matches: [
    'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAJmJr3DoKkdJpC%2FzCz%2Fv%2B9c%3D',
    'https://outlook.office365.com/mail/0/inbox',
    'https://outlook.live.com/mail/0/deeplink/compose',
    'https://outlook.office.com/owa/?realm=contoso-industrial.co.uk',
  ],
  nonMatches: [
    'https://outlook.office.com/calendar/view/week',
    'https://outlook.com.evil.example/mail/',
    'https://www.office.com/',
  ],
};

export const outlook = site({
  id: 'outlook',
  name: 'Outlook',
  hosts: ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com'],
  path: /^\/(mail|owa)\b/,
  mainRegionSelector: '#MainModule,[role=main]',
  read(d, url) {
    const { list, add } = people();
    const pane = pick(d, ['#ReadingPaneContainerId', '[role=main]']);
    const msgs = all(pane, '[role=listitem]', 100).filter(shown);
    msgs.forEach((m, i) => {
      let from = 0;
      for (const el of all(m, '[title*="@"]', 60)) {
        const role = roleOf(el, 'from');
        // The first unlabelled address is the sender; message bodies and quoted headers are skipped.
        if (!el.closest('[role=document],[contenteditable]') && !(role === 'from' && from++))
          add(addrOf(el), nameOf(el), role!, msgs.length - 1 - i);
      }
    });
    const me = at(d.getElementById('O365_MainLink_Me'), 'aria-label');
    const selfName =
      text(d.getElementById('mectrl_currentAccount_primary')) || me?.replace(/^.*\bfor\s+|\s*\(.*/g, '');
    const selfEmail = emailsIn(text(d.getElementById('mectrl_currentAccount_secondary')) + ' ' + me, 1)[0];
    // A To pill may show only a name: take the address of the participant shown with that name.
    const known = new Map<unknown, string | undefined>(list.map((p) => [p.name, p.email]));
    known.set(selfName, selfEmail);
    const fields = all(d, '[aria-label="To" i],[aria-label="Cc" i]', 6).filter(shown);
    for (const f of fields)
      for (const pill of all(f, '[role=button]', 50)) {
        const name = nameOf(pill);
        add(
          addrOf(pill.querySelector('[title*="@"]') ?? pill) ?? known.get(name),
          name,
          /^to$/i.test(at(f, 'aria-label')!) ? 'to' : 'cc',
        );
      }
    add(selfEmail, selfName, 'self');
    if (list.some((p) => p.role === 'from'))
      return page('outlook', 'thread', list, { title: text(pick(pane, ['[role=heading]']), 300) });
    if (fields[0]) return page('outlook', 'compose', list);
    return /\/id\//.test(url.pathname)
      ? unknownPage('outlook', 'no-message-header')
      : page('outlook', 'list');
  },
});
