import { openPopup } from '@/components/popup/open-popup';

openPopup();
