/**
 * The playbook editor and the team's playbook: publishing the saved playbook (only while sync is on,
 * only once the draft is saved, after a confirmation), and a team playbook that waits for the rep's
 * answer. The sync engine's answers are a stand-in (it needs a server); the playbook, its saving and
 * what this browser knows of the team playbook are the background's real ones.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { database } from '../../../lib/background/db-connection';
import { savePlaybook } from '../../../lib/background/handlers/options-playbook';
import { readPlaybook, writePlaybook } from '../../../lib/background/playbook-store';
import {
  readTeamPlaybook,
  receiveTeamPlaybook,
  rememberPublished,
} from '../../../lib/background/sync/team-playbook';
import { changeDealStage, listAccountDeals } from '../../../lib/db/deals';
import type { Author } from '../../../lib/db/records';
import { createDefaultPlaybook } from '../../../lib/playbook/default-playbook';
import type { Playbook } from '../../../lib/playbook/schema';
import { TEAM_PLAYBOOK_DOC_ID } from '../../../lib/sync/team-playbook';
import type { SyncStatus } from '../../../lib/sync/types';
import { formatSyncTime } from '../../../components/shared/sync-text';
import { resetDatabase } from '../support/database';
import { createFakeSyncBackground, type FakeSyncBackground } from '../support/fake-sync-background';

let background: FakeSyncBackground;

/** What only the sync engine answers; the rest goes to the background's real handlers. */
const ENGINE_MESSAGES = new Set(['getSyncStatus', 'publishPlaybook']);

vi.mock('@/lib/messaging/messenger', async () => {
  const { inProcessMessenger } = await import('../support/in-process-messenger');
  const engine = (await import('../support/fake-sync-background')).fakeSyncMessenger(() => background);
  return {
    onMessage: inProcessMessenger.onMessage,
    sendMessage: (type: string, data: unknown) =>
      ENGINE_MESSAGES.has(type) ? engine.sendMessage(type, data) : inProcessMessenger.sendMessage(type, data),
  };
});

const { PlaybookEditor } = await import('../../../components/options/PlaybookEditor');

/** Today at 14:02 local time. */
const TODAY_1402 = new Date(new Date().setHours(14, 2, 0, 0)).getTime();
/** 2 March 2026, noon. */
const MARCH_2 = new Date(2026, 2, 2, 12).getTime();
const SYNC_ON: SyncStatus = {
  state: 'up-to-date',
  server: { url: 'https://couch.example.com', database: 'acme-sales', username: 'alex' },
  lastSyncAt: TODAY_1402,
  pending: 0,
};

let ids = 0;
const newId = () => `t-${++ids}`;

/** The rep's own playbook, edited: a team playbook that comes waits for their answer. */
function ownPlaybook(): Playbook {
  const own = createDefaultPlaybook();
  own.stages[0]!.name.en = 'My leads';
  return own;
}

/** The team's: another name, the first stage renamed, no negotiation stage. */
function teamPlaybook(): Playbook {
  const team = createDefaultPlaybook();
  team.name = { en: 'Acme team playbook', 'zh-CN': 'Acme 团队手册' };
  team.stages[0]!.name.en = 'Qualify';
  team.stages = team.stages.filter((stage) => stage.id !== 'negotiation');
  team.cadences = team.cadences.filter((cadence) => cadence.stageId !== 'negotiation');
  team.questions = team.questions
    .map((question) => ({ ...question, stages: question.stages.filter((id) => id !== 'negotiation') }))
    .filter((question) => question.stages.length > 0);
  return team;
}

/** A team playbook arriving from the server, as the sync engine takes it. */
async function teamPlaybookArrives(playbook: Playbook, publishedBy?: Author) {
  return receiveTeamPlaybook(
    await database(),
    {
      _id: TEAM_PLAYBOOK_DOC_ID,
      _rev: '1-team',
      type: 'playbook',
      playbook,
      publishedAt: MARCH_2,
      ...(publishedBy ? { publishedBy } : {}),
    },
    {
      current: readPlaybook,
      adopt: async (next) => (await savePlaybook({ playbook: next, stageMoves: [] })).ok,
    },
  );
}

function stageNames(): string[] {
  return screen.getAllByTestId('stage-editor').map((item) => item.querySelector('summary')!.textContent!);
}

async function renderEditor() {
  render(<PlaybookEditor />);
  await screen.findByTestId('playbook-save');
  // The first status has been read (and answered).
  await waitFor(() => expect(background.log.some((entry) => entry.event === 'getSyncStatus')).toBe(true));
}

beforeEach(async () => {
  await resetDatabase();
  background = createFakeSyncBackground();
});

describe('PlaybookEditor: publishing to the team', () => {
  it('offers no publishing while sync is off', async () => {
    await renderEditor();
    await screen.findByTestId('playbook-export');
    expect(screen.queryByTestId('playbook-publish')).toBeNull();
    expect(screen.queryByTestId('team-playbook-waiting')).toBeNull();
    expect(screen.queryByTestId('team-playbook-adopted')).toBeNull();
  });

  it('publishes only the saved playbook: unsaved changes disable it until they are saved', async () => {
    background.status = SYNC_ON;
    await renderEditor();
    const publish = await screen.findByTestId('playbook-publish');
    expect(publish).toBeEnabled();
    expect(screen.queryByTestId('playbook-publish-hint')).toBeNull();

    await userEvent.type(screen.getByTestId('playbook-name-en'), ' (mine)');
    expect(publish).toBeDisabled();
    expect(screen.getByTestId('playbook-publish-hint')).toHaveTextContent('Save your changes first');
    expect(publish).toHaveAccessibleDescription('Save your changes first');

    await userEvent.click(screen.getByTestId('playbook-save'));
    await waitFor(() => expect(publish).toBeEnabled());
    expect(screen.queryByTestId('playbook-publish-hint')).toBeNull();
    expect(background.sent()).not.toContain('publishPlaybook');
  });

  it('asks in words, publishes the saved playbook, says when, and then refuses once sync is off', async () => {
    background.status = SYNC_ON;
    background.publishAt = TODAY_1402;
    const saved = ownPlaybook();
    await writePlaybook(saved);
    let published: Playbook | undefined;
    // What the engine does: publish the stored playbook, remembered as the one this browser uses.
    background.onPublish = async () => {
      published = await readPlaybook();
      await rememberPublished(await database(), '1-mine', {
        type: 'playbook',
        playbook: published,
        publishedAt: TODAY_1402,
        publishedBy: { name: 'Alex Kim', email: 'alex@acme.example' },
      });
    };
    await renderEditor();

    await userEvent.click(await screen.findByTestId('playbook-publish'));
    const confirm = screen.getByTestId('playbook-publish-confirm');
    expect(confirm).toHaveFocus();
    expect(confirm.closest('[role="group"]')).toHaveTextContent(
      'Everyone on acme-sales will get this playbook; reps who changed theirs will be asked first.',
    );
    expect(background.sent()).not.toContain('publishPlaybook');

    await userEvent.click(confirm);
    const result = await screen.findByTestId('playbook-publish-result');
    expect(result).toHaveTextContent(`Published to your team at ${formatSyncTime(TODAY_1402, 'en')}`);
    expect(result).toHaveTextContent(/2:02|14:02/);
    expect(published).toEqual(saved);
    expect(screen.queryByTestId('playbook-publish-confirm')).toBeNull();
    // This browser now uses the team's playbook: its own.
    expect(await screen.findByTestId('team-playbook-adopted')).toHaveTextContent(
      /^Using your team's playbook, published by Alex Kim on .+\.$/,
    );

    // Sync was stopped meanwhile (in another tab, say): the background refuses, and the button goes.
    background.status = { state: 'off', pending: 0 };
    await userEvent.click(screen.getByTestId('playbook-publish'));
    await userEvent.click(screen.getByTestId('playbook-publish-confirm'));
    await waitFor(() =>
      expect(screen.getByTestId('playbook-publish-result')).toHaveTextContent(
        'Sync is off, so there is no team to publish to.',
      ),
    );
    await waitFor(() => expect(screen.queryByTestId('playbook-publish')).toBeNull());
    expect(background.sent().filter((type) => type === 'publishPlaybook')).toHaveLength(2);
  });
});

describe('PlaybookEditor: a team playbook', () => {
  it('shows a team playbook taken at once as a quiet line, without asking', async () => {
    expect(await teamPlaybookArrives(teamPlaybook(), { email: 'dana@acme.example' })).toBe('adopted');
    await renderEditor();
    expect(await screen.findByTestId('team-playbook-adopted')).toHaveTextContent(
      "Using your team's playbook, published by dana@acme.example on Mar 2, 2026.",
    );
    expect(screen.queryByTestId('team-playbook-waiting')).toBeNull();
    expect(stageNames()[0]).toContain('Qualify');
  });

  it('reviews a waiting team playbook in the draft, and adopts it once saved (deals of its missing stages placed)', async () => {
    const db = await database();
    await changeDealStage(
      db,
      { accountKey: 'contoso.com', stageId: 'negotiation', proposals: [] },
      1000,
      newId,
    );
    await writePlaybook(ownPlaybook());
    expect(await teamPlaybookArrives(teamPlaybook(), { name: 'Dana Lee', email: 'dana@acme.example' })).toBe(
      'waiting',
    );
    await renderEditor();

    const banner = await screen.findByTestId('team-playbook-waiting');
    expect(banner).toHaveTextContent(
      'Dana Lee published a team playbook on Mar 2, 2026. You have edited your own.',
    );
    expect(stageNames()[0]).toContain('My leads');

    // Loaded into the draft, like an imported file; undone, it is no longer on its way to being saved.
    await userEvent.click(within(banner).getByTestId('team-playbook-use'));
    expect(stageNames()[0]).toContain('Qualify');
    expect(screen.getByTestId('team-playbook-reviewing')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('playbook-undo'));
    expect(stageNames()[0]).toContain('My leads');
    await waitFor(() => expect(screen.getByTestId('team-playbook-use')).toBeInTheDocument());

    await userEvent.click(screen.getByTestId('team-playbook-use'));
    expect(screen.getByTestId('playbook-status')).toHaveTextContent(
      'Loaded the team playbook "Acme team playbook". Review it, then save.',
    );
    expect(stageNames()[0]).toContain('Qualify');
    expect(stageNames().join(' ')).not.toContain('Negotiation');
    expect(screen.getByTestId('playbook-dirty')).toHaveTextContent('Unsaved changes');
    // Nothing is decided before the rep saves.
    expect(await readTeamPlaybook(db)).toMatchObject({ state: 'waiting' });
    expect((await readPlaybook()).stages[0]!.name.en).toBe('My leads');

    // The existing save flow: the deal in the stage the team's playbook lacks needs a home first.
    await userEvent.click(screen.getByTestId('playbook-save'));
    const homes = await screen.findByTestId('playbook-homes');
    await userEvent.selectOptions(
      within(homes).getByLabelText('Deals in "Negotiation & signing" go to'),
      'after-sales',
    );
    expect(await readTeamPlaybook(db)).toMatchObject({ state: 'waiting' });
    await userEvent.click(within(homes).getByTestId('playbook-homes-save'));

    expect(await screen.findByTestId('team-playbook-adopted')).toHaveTextContent(
      "Using your team's playbook, published by Dana Lee on Mar 2, 2026.",
    );
    expect(screen.queryByTestId('team-playbook-waiting')).toBeNull();
    expect(await readTeamPlaybook(db)).toMatchObject({ state: 'adopted', publishedAt: MARCH_2 });
    expect(await readPlaybook()).toEqual(teamPlaybook());
    expect((await listAccountDeals(db, 'contoso.com')).map((deal) => deal.stageId)).toEqual(['after-sales']);
  }, 30_000);

  it('keeps the rep’s own playbook when they say so', async () => {
    await writePlaybook(ownPlaybook());
    expect(await teamPlaybookArrives(teamPlaybook())).toBe('waiting');
    await renderEditor();

    const banner = await screen.findByTestId('team-playbook-waiting');
    expect(banner).toHaveTextContent(
      'A team playbook was published on Mar 2, 2026. You have edited your own.',
    );
    await userEvent.click(within(banner).getByTestId('team-playbook-keep'));

    await waitFor(() => expect(screen.queryByTestId('team-playbook-waiting')).toBeNull());
    expect(screen.queryByTestId('team-playbook-adopted')).toBeNull();
    expect(await readTeamPlaybook(await database())).toMatchObject({ state: 'kept-own' });
    expect(await readPlaybook()).toEqual(ownPlaybook());
    expect(stageNames()[0]).toContain('My leads');
    expect(screen.getByTestId('playbook-dirty')).toHaveTextContent('All changes saved');
  });
});
