/**
 * How the popup opens fast: its lists are asked for as the script starts, drawn without React the moment
 * they arrive (./first-paint.ts), and only then is React with the app loaded, which takes the same answer
 * (no second request) and replaces the drawing in one commit. This module and what it imports stay small
 * (no React, no zod, no message table): they are all the popup loads before its first paint.
 */
import { loadChosenLanguage, uiLanguage } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/messenger';
import type { PopupFollowUps } from '@/lib/messaging/protocol';
import { paintPopupFirst } from './first-paint';
import { holdInputUntilTakeover } from './held-input';
import { markOnce, POPUP_READY_MARK } from './marks';

export function openPopup(): void {
  // Asked for first: the answer travels while the language is read.
  const firstAnswer = sendMessage('getPopupFollowUps', {});
  firstAnswer.catch(() => undefined);

  let replayHeldInput: (() => void) | undefined;
  const painted = Promise.all([firstAnswer, loadChosenLanguage()]).then(([answer]) => {
    const container = document.getElementById('root');
    if (!container) throw new Error('The page has no #root element.');
    document.documentElement.lang = uiLanguage();
    paintPopupFirst(container, answer, uiLanguage());
    markOnce(POPUP_READY_MARK);
    replayHeldInput = holdInputUntilTakeover(container);
    return answer;
  });

  // After the first paint, so loading and running React's large script does not hold it up. When the answer
  // failed (or could not be drawn) the app gets the failure and shows it with its retry button.
  void painted
    .then(
      (answer): { firstData: PopupFollowUps } | { firstAnswer: Promise<PopupFollowUps> } => ({
        firstData: answer,
      }),
      () => ({ firstAnswer }),
    )
    .then(async (start) => {
      const { mountPopupApp } = await import('./mount');
      mountPopupApp(start, replayHeldInput);
    });
}
