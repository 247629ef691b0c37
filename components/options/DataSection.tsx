import { t } from '@/lib/i18n';
import { AccountDataCard } from './data/AccountDataCard';
import { BackupCard } from './data/BackupCard';
import { DeleteAllCard } from './data/DeleteAllCard';
import { ExportCard } from './data/ExportCard';
import { ImportCard } from './data/ImportCard';
import { ReadFailuresCard } from './data/ReadFailuresCard';
import { TouchesCard } from './data/TouchesCard';
import './data-section.css';

/**
 * "Your data": export and import, one account's notes as Markdown, deleting an account, the touches or
 * everything, and automatic backups. Loads what it shows through messages; the background owns the data.
 */
export function DataSection() {
  return (
    <section className="ds-data" aria-labelledby="ds-data-heading" data-testid="data-section">
      <h2 id="ds-data-heading">{t('dataHeading')}</h2>
      <p className="ds-data-intro">{t('dataIntro')}</p>
      <div className="ds-data-grid">
        <ExportCard />
        <ImportCard />
        <BackupCard />
        <AccountDataCard />
        <TouchesCard />
        <DeleteAllCard />
        <ReadFailuresCard />
      </div>
    </section>
  );
}
