import { useId, useMemo, useState } from 'react';
import { formatTimestamp } from '@/lib/dates/format';
import { t, type MessageKey } from '@/lib/i18n';
import { notePreview } from '@/lib/notes/preview';
import type { Playbook } from '@/lib/playbook/schema';
import { localized } from '@/lib/playbook/text';
import { buildTimeline, type TimelineItem } from '@/lib/timeline/build-timeline';
import { authorLabel } from './author';
import { TouchLink } from './TouchLink';
import type { AccountSectionProps } from './types';

/** Items shown before "Show more"; the rest of the timeline's bounded read follows on a click. */
export const TIMELINE_FIRST_ITEMS = 20;

/** A note's opening, enough for one or two lines in the panel. */
const NOTE_TEXT_MAX_CHARS = 200;

function kindLabel(item: TimelineItem): MessageKey {
  switch (item.kind) {
    case 'touch':
      return 'timelineKindTouch';
    case 'note':
      return item.note.kind === 'call' ? 'timelineKindCall' : 'timelineKindNote';
    case 'stage':
      return 'timelineKindStage';
    case 'follow-up-done':
      return 'timelineKindFollowUpDone';
  }
}

/** A stage by its name in the UI language; a stage the playbook no longer has, by its id. */
function stageName(playbook: Playbook, stageId: string, locale: string): string {
  const stage = playbook.stages.find((candidate) => candidate.id === stageId);
  return stage ? localized(stage.name, locale) : stageId;
}

function ItemText({ item, playbook, locale }: { item: TimelineItem; playbook: Playbook; locale: string }) {
  switch (item.kind) {
    case 'touch':
      return (
        <>
          <span className="ds-muted">{item.touch.siteName} · </span>
          <TouchLink touch={item.touch} />
        </>
      );
    case 'note': {
      const preview = notePreview(item.note.body, NOTE_TEXT_MAX_CHARS);
      return <>{preview.truncated ? `${preview.text}…` : preview.text}</>;
    }
    case 'stage': {
      const to = stageName(playbook, item.event.to, locale);
      const author = authorLabel(item.event.author);
      return (
        <>
          {item.event.from
            ? t('timelineStageMoved', [stageName(playbook, item.event.from, locale), to])
            : t('timelineStageSet', to)}
          {author ? (
            <span className="ds-timeline-author" title={author.full}>
              {' · '}
              {t('timelineStageAuthor', author.shown)}
            </span>
          ) : null}
        </>
      );
    }
    case 'follow-up-done':
      return <>{item.followUp.title}</>;
  }
}

/**
 * What happened with the account, newest first: threads and records the rep opened, notes, stage moves
 * and follow-ups done. The first 20 show; "Show more" shows the rest the background read (at most 50).
 */
export function TimelineSection({ state, playbook, locale }: AccountSectionProps) {
  const id = useId();
  const [showAll, setShowAll] = useState(false);
  const { touches, notes, stageEvents, followUps } = state;
  const items = useMemo(
    () => buildTimeline({ touches, notes, stageEvents, followUps }),
    [touches, notes, stageEvents, followUps],
  );
  const shown = showAll ? items : items.slice(0, TIMELINE_FIRST_ITEMS);

  return (
    <section className="ds-card ds-timeline" aria-labelledby={`${id}-heading`} data-testid="timeline">
      <h2 id={`${id}-heading`}>{t('timelineHeading')}</h2>
      {items.length === 0 ? (
        <p className="ds-muted ds-small">{t('timelineEmpty')}</p>
      ) : (
        <ol className="ds-timeline-list">
          {shown.map((item) => (
            <li
              key={item.key}
              className={`ds-timeline-item ds-timeline-${item.kind}`}
              data-testid="timeline-item"
              data-kind={item.kind}
            >
              <span className="ds-timeline-kind">{t(kindLabel(item))}</span>
              <time className="ds-timeline-date ds-muted" dateTime={new Date(item.at).toISOString()}>
                {formatTimestamp(item.at, locale)}
              </time>
              <span className="ds-timeline-text">
                <ItemText item={item} playbook={playbook} locale={locale} />
              </span>
            </li>
          ))}
        </ol>
      )}
      {shown.length < items.length ? (
        <button type="button" className="ds-link ds-link-start" onClick={() => setShowAll(true)}>
          {t('timelineShowMore')}
        </button>
      ) : null}
    </section>
  );
}
