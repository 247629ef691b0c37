/**
 * Puts text on the clipboard from a click. The Clipboard API first; inside the panel frame a web page
 * embeds, the page's permission policy may refuse it (clipboard-write is granted to the page's own
 * origin by default, not to frames of another origin), so the editing command `copy` on a hidden text
 * field is the fallback: it needs only the click. True when the text was copied.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const active = document.activeElement;
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.style.position = 'fixed';
    field.style.opacity = '0';
    document.body.append(field);
    field.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      field.remove();
      // The button that was pressed keeps keyboard focus.
      if (active instanceof HTMLElement) active.focus();
    }
  }
}
