/**
 * The playbook as a file: how a team lead shares one process with every rep. The file is the playbook
 * itself, which names its format (`dealside-playbook`) and version, pretty-printed so a diff between two
 * versions reads well. Reading a file never throws: every problem comes back with where it is.
 */
import { parsePlaybook, type ParsePlaybookResult, type Playbook } from './schema';
import { slugify } from './edit';
import { errorText } from '../error-text';

/** Far beyond the largest valid playbook (2,000 questions in two languages), far below a memory problem. */
export const PLAYBOOK_FILE_MAX_BYTES = 5_000_000;

export function playbookFileText(playbook: Playbook): string {
  return `${JSON.stringify(playbook, null, 2)}\n`;
}

/** `dealside-playbook-<name>-<yyyy-mm-dd>.json`, in local time. */
export function playbookFileName(playbook: Playbook, now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const name = slugify(playbook.name.en, '');
  return `dealside-playbook-${name ? `${name}-` : ''}${day}.json`;
}

/** Parses and validates a file's text. `byteLength` is checked first, so a huge file is not parsed. */
export function readPlaybookFile(text: string, byteLength = text.length): ParsePlaybookResult {
  if (byteLength > PLAYBOOK_FILE_MAX_BYTES) {
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: `The file is too large (${byteLength} bytes); a playbook file is at most ${PLAYBOOK_FILE_MAX_BYTES} bytes`,
        },
      ],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = errorText(error);
    return { ok: false, errors: [{ path: '', message: `Not a JSON file: ${detail}` }] };
  }
  return parsePlaybook(json);
}
