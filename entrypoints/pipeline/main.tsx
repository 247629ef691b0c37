import { PipelineApp } from '@/components/pipeline/PipelineApp';
import { renderPage } from '@/lib/render-page';

renderPage(() => <PipelineApp />);
