/**
 * Clicks and keys on the popup's first paint (./first-paint.ts), whose buttons do nothing by themselves,
 * held until the React app has replaced it and then done again on the app's elements: a rep who presses D
 * or clicks Snooze in the moment before the app is there gets what they asked for. The app's markup is the
 * first paint's, element for element, so an element is found again by its place in the tree.
 *
 * Done again, a click no longer counts as the rep's gesture: opening the side panel, which the browser
 * allows only during one, then opens the follow-up's tab without the panel.
 */

/** An element's place: the index of each element on the way down from the container. */
type Place = number[];

interface HeldInput {
  place: Place;
  event: { kind: 'click' } | { kind: 'key'; init: KeyboardEventInit };
}

function placeOf(container: HTMLElement, node: Element): Place | undefined {
  const place: Place = [];
  for (let at: Element | null = node; at !== container; at = at.parentElement) {
    if (!at?.parentElement) return undefined;
    place.unshift(Array.prototype.indexOf.call(at.parentElement.children, at));
  }
  return place;
}

function elementAt(container: HTMLElement, place: Place): HTMLElement | undefined {
  let at: Element | undefined = container;
  for (const index of place) at = at?.children[index];
  return at instanceof HTMLElement ? at : undefined;
}

/**
 * Starts holding the clicks and keys `container` receives. The returned function, called once the app's
 * first render has replaced the container's content, stops holding, puts the focus where it was (on the
 * app's equal element) and does each held click and key again, in order.
 */
export function holdInputUntilTakeover(container: HTMLElement): () => void {
  // Only what happens on the first paint counts: the app's own tree, and its focusing its first row as it
  // mounts, are none of this.
  const painted = container.firstElementChild;
  const onFirstPaint = (node: unknown): node is Element =>
    node instanceof Element && !!painted?.contains(node);
  const held: HeldInput[] = [];
  const hold = (event: Event) => {
    const place = onFirstPaint(event.target) ? placeOf(container, event.target) : undefined;
    if (!place) return;
    if (event instanceof KeyboardEvent) {
      const { key, code, altKey, ctrlKey, metaKey, shiftKey } = event;
      held.push({ place, event: { kind: 'key', init: { key, code, altKey, ctrlKey, metaKey, shiftKey } } });
    } else {
      held.push({ place, event: { kind: 'click' } });
    }
  };
  let focusPlace: Place | undefined;
  const noteFocus = () => {
    if (onFirstPaint(document.activeElement)) focusPlace = placeOf(container, document.activeElement);
  };
  noteFocus();
  container.addEventListener('click', hold, true);
  container.addEventListener('keydown', hold, true);
  container.addEventListener('focusin', noteFocus);

  return () => {
    container.removeEventListener('click', hold, true);
    container.removeEventListener('keydown', hold, true);
    container.removeEventListener('focusin', noteFocus);
    if (focusPlace) elementAt(container, focusPlace)?.focus();
    for (const { place, event } of held) {
      const target = elementAt(container, place);
      if (!target) continue;
      if (event.kind === 'click') target.click();
      else
        target.dispatchEvent(
          new KeyboardEvent('keydown', { ...event.init, bubbles: true, cancelable: true }),
        );
    }
  };
}
