/**
 * This panel, among every panel open (in-page frames, the side panel): a random id made when it loads.
 * Its note saves carry it, and the change event that follows names it, so the panel that saved (which
 * shows the note from the save's answer) does not load its whole state again.
 */
export const PANEL_INSTANCE = crypto.randomUUID();
