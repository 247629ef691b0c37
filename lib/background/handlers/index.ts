/**
 * Every message's handler, grouped by who calls it. The type makes a missing handler a compile error;
 * tests/unit/background/message-table.test.ts checks the same at run time.
 */
import type { Handlers } from '../router';
import { optionsDataHandlers } from './options-data';
import { optionsInsightsHandlers } from './options-insights';
import { optionsPlaybookHandlers } from './options-playbook';
import { optionsSettingsHandlers } from './options-settings';
import { pageHandlers } from './page';
import { panelHandlers } from './panel';
import { panelWriteHandlers } from './panel-writes';
import { pipelineHandlers } from './pipeline';
import { popupHandlers } from './popup';
import { syncHandlers } from './sync';

export const handlers: Handlers = {
  ...pageHandlers,
  ...panelHandlers,
  ...panelWriteHandlers,
  ...popupHandlers,
  ...pipelineHandlers,
  ...optionsInsightsHandlers,
  ...optionsPlaybookHandlers,
  ...optionsSettingsHandlers,
  ...optionsDataHandlers,
  ...syncHandlers,
};
