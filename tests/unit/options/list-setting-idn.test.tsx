/** The rep's own addresses and domains read in Unicode in settings; what is saved stays as stored. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ListSetting } from '../../../components/options/settings/ListSetting';
import { displayEmail } from '../../../lib/contact/email';

describe('ListSetting with a display form', () => {
  it('shows entries in Unicode and removes the stored entry', async () => {
    const onSave = vi.fn(async (_items: string[]) => null);
    render(
      <ListSetting
        title="Your addresses"
        hint=""
        inputLabel="Address"
        placeholder=""
        items={['alex@xn--bckerei-hoffmann-vnb.de', 'alex@dealside-demo.com']}
        max={10}
        parse={(raw) => ({ ok: true, value: raw })}
        onSave={onSave}
        testId="own-emails"
        display={displayEmail}
      />,
    );
    const items = screen.getAllByTestId('own-emails-item');
    expect(items.map((item) => item.textContent?.replace('×', ''))).toEqual([
      'alex@bäckerei-hoffmann.de',
      'alex@dealside-demo.com',
    ]);
    await userEvent.click(screen.getByRole('button', { name: /alex@bäckerei-hoffmann\.de/ }));
    expect(onSave).toHaveBeenCalledWith(['alex@dealside-demo.com']);
    expect(screen.getByRole('status')).toHaveTextContent('alex@bäckerei-hoffmann.de');
  });
});
