/**
 * The words of a failure, for the rep's eyes or a log line: an Error's message, else the value as text.
 * An empty message falls back to the value itself, so a failure never shows as a blank.
 */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim() || String(error);
}
