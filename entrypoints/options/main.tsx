import { OptionsApp } from '@/components/options/OptionsApp';
import { renderPage } from '@/lib/render-page';

renderPage(() => <OptionsApp />);
