/**
 * The industries every playbook knew before industries became playbook data: the default playbook lists
 * them, and a file written before then reads as listing them (its questions may name them).
 */
import type { Industry } from './schema';

export function defaultIndustries(): Industry[] {
  return [
    { id: 'manufacturing', name: { en: 'Manufacturing', 'zh-CN': '制造业' } },
    { id: 'services', name: { en: 'Services', 'zh-CN': '服务业' } },
    { id: 'software', name: { en: 'Software & IT', 'zh-CN': '软件与 IT' } },
  ];
}
