import { PopupApp } from '@/components/popup/PopupApp';
import { sendMessage } from '@/lib/messaging/messenger';
import { renderPage } from '@/lib/render-page';

// Asked for as the script starts: the answer travels while the language and React load. A failure is
// shown by the popup, which waits for this answer first.
const firstAnswer = sendMessage('getPopupFollowUps', {});
firstAnswer.catch(() => undefined);

renderPage(() => <PopupApp firstAnswer={firstAnswer} />);
