import { useEffect, useState } from 'react';
import { t, type MessageKey } from '@/lib/i18n';
import { openPipelinePage } from '../shared/open-pipeline';
import { DataSection } from './DataSection';
import { InsightsSection } from './InsightsSection';
import { NotesSearch } from './NotesSearch';
import { PlaybookEditor } from './PlaybookEditor';
import { SettingsSection } from './SettingsSection';
import { SyncSection } from './SyncSection';
import '../panel/panel.css';
import './options.css';

const SECTIONS = [
  { id: 'insights', label: 'optionsNavInsights' },
  { id: 'playbook', label: 'optionsNavPlaybook' },
  { id: 'data', label: 'optionsNavData' },
  { id: 'sync', label: 'optionsNavSync' },
  { id: 'settings', label: 'optionsNavSettings' },
] as const satisfies readonly { id: string; label: MessageKey }[];

type SectionId = (typeof SECTIONS)[number]['id'];

/**
 * Options page: insights (funnel and notes search), the playbook editor, the rep's data, sync and settings,
 * one after another with a sticky index beside them. Nothing is unmounted when the rep moves around, so
 * an unsaved playbook draft is never lost to navigation.
 */
export function OptionsApp() {
  const [current, setCurrent] = useState<SectionId>('insights');

  useEffect(() => {
    // Highlight the section the rep is reading.
    const observer = new IntersectionObserver(
      (entries) => {
        const visible = entries.filter((entry) => entry.isIntersecting);
        const id = visible[0]?.target.id.replace('section-', '');
        const match = SECTIONS.find((section) => section.id === id);
        if (match) setCurrent(match.id);
      },
      { rootMargin: '0px 0px -70% 0px' },
    );
    for (const section of SECTIONS) {
      const element = document.getElementById(`section-${section.id}`);
      if (element) observer.observe(element);
    }
    return () => observer.disconnect();
  }, []);

  return (
    <div className="ds-options">
      <header className="ds-topbar">
        <h1 className="ds-brand">{t('optionsTitle')}</h1>
        <button type="button" className="ds-link" data-testid="open-pipeline" onClick={openPipelinePage}>
          {t('openPipeline')}
        </button>
      </header>
      <div className="ds-options-layout">
        <nav className="ds-options-nav" aria-label={t('optionsNavLabel')}>
          <ul>
            {SECTIONS.map((section) => (
              <li key={section.id}>
                <a
                  href={`#section-${section.id}`}
                  aria-current={current === section.id ? 'location' : undefined}
                >
                  {t(section.label)}
                </a>
              </li>
            ))}
          </ul>
          <p className="ds-muted ds-small">{t('optionsIntro')}</p>
        </nav>
        <main className="ds-options-main">
          <section id="section-insights" className="ds-options-section" aria-label={t('optionsNavInsights')}>
            <InsightsSection />
            <NotesSearch />
          </section>
          <section id="section-playbook" className="ds-options-section" aria-label={t('optionsNavPlaybook')}>
            <PlaybookEditor />
          </section>
          <section id="section-data" className="ds-options-section" aria-label={t('optionsNavData')}>
            <DataSection />
          </section>
          <section id="section-sync" className="ds-options-section" aria-label={t('optionsNavSync')}>
            <SyncSection />
          </section>
          <section id="section-settings" className="ds-options-section" aria-label={t('optionsNavSettings')}>
            <SettingsSection />
          </section>
        </main>
      </div>
    </div>
  );
}
