import { readPlaybook } from '../playbook-store';
import { handle } from '../router';

export function registerGetPlaybook(): void {
  handle('getPlaybook', 'extension-page', () => readPlaybook());
}
