import type { PlaybookDraft } from '@/lib/playbook/edit';
import type { Playbook } from '@/lib/playbook/schema';

/** How the editor's parts change the draft. */
export interface DraftEditing {
  /** Any change to the draft; the same `mergeKey` in a row is one step of undo. */
  change(update: (draft: PlaybookDraft) => PlaybookDraft, mergeKey?: string): void;
  /** A change to the playbook alone. */
  edit(update: (playbook: Playbook) => Playbook, mergeKey?: string): void;
  /** Moves focus to the element with this id once the change has rendered. */
  focusLater(id: string): void;
}
