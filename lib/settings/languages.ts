/** The interface languages: the browser's (`auto`), or one the rep chose. */
export const LANGUAGES = ['auto', 'en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: unknown): value is Language =>
  (LANGUAGES as readonly unknown[]).includes(value);
