/**
 * Text as a `data:` URL. Service workers have no `URL.createObjectURL`, so a backup file handed to the
 * downloads API from the background travels as base64 (measured in Chromium: 60 MB of JSON in 12 s,
 * 150 MB in 57 s; the URL's size is not what limits it).
 */

/** Bytes per `String.fromCharCode` call: well below the engine's argument limit. */
const SLICE = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  const pieces: string[] = [];
  // Whole multiples of 3 bytes per piece, so the pieces' base64 can simply be joined.
  const step = SLICE - (SLICE % 3);
  for (let offset = 0; offset < bytes.length; offset += step) {
    const slice = bytes.subarray(offset, offset + step);
    pieces.push(btoa(String.fromCharCode(...slice)));
  }
  return pieces.join('');
}

export function textDataUrl(text: string, mimeType: string): string {
  return `data:${mimeType};base64,${bytesToBase64(new TextEncoder().encode(text))}`;
}
