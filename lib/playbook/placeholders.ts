/**
 * Placeholders in the playbook's email templates: `{firstName}`, `{lastName}`, `{fullName}`,
 * `{company}` and `{senderName}`. The playbook schema refuses any other `{name}`, so a typo such as
 * `{FirstName}` is caught in the editor rather than mailed to a customer.
 *
 * A placeholder without a value (no name on the page, no company name, no sender name in settings) is
 * left in the text as it is written, `{company}`: the panel highlights it and the rep sees it in the
 * message before sending. Blanking it would leave "Dear ," or "Hello  team", which reads as a mistake
 * to the customer and is easy to miss.
 */

export const PLACEHOLDERS = ['firstName', 'lastName', 'fullName', 'company', 'senderName'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<Placeholder, string>>;

/** `{word}`: braces around a name without spaces. Other braces (`{ }`, `{a b}`) are plain text. */
const PLACEHOLDER_PATTERN = /\{([^{}\s]{1,40})\}/g;

export function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

/** Every `{name}` in a text that is not a known placeholder, once each, in order. */
export function unknownPlaceholders(text: string): string[] {
  const unknown = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
    if (!isPlaceholder(match[1]!)) unknown.add(match[0]);
  }
  return [...unknown];
}

/** A run of template text: literal, or a placeholder with its value (none when it has no value). */
export type TemplatePart =
  { kind: 'text'; text: string } | { kind: 'placeholder'; name: Placeholder; value?: string };

/** Splits a template into literal text and placeholders, each with its value when there is one. */
export function templateParts(text: string, values: PlaceholderValues): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
    const name = match[1]!;
    if (!isPlaceholder(name)) continue;
    if (match.index > last) parts.push({ kind: 'text', text: text.slice(last, match.index) });
    const value = values[name]?.trim();
    parts.push(value ? { kind: 'placeholder', name, value } : { kind: 'placeholder', name });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/** The text as it goes into a message: known placeholders filled, those without a value left as written. */
export function partsText(parts: readonly TemplatePart[]): string {
  return parts.map((part) => (part.kind === 'text' ? part.text : (part.value ?? `{${part.name}}`))).join('');
}

/** Placeholders of the text that have no value, once each. */
export function missingPlaceholders(parts: readonly TemplatePart[]): Placeholder[] {
  const missing = new Set<Placeholder>();
  for (const part of parts)
    if (part.kind === 'placeholder' && part.value === undefined) missing.add(part.name);
  return [...missing];
}

export function fillTemplate(text: string, values: PlaceholderValues): string {
  return partsText(templateParts(text, values));
}
