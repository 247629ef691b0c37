import { localized, playbookLocale } from '../../../lib/playbook/text';

const text = { en: 'Needs discovery', 'zh-CN': '需求沟通' };

describe('localized', () => {
  it.each(['zh-CN', 'zh', 'zh_CN', 'zh-TW', 'zh-Hans-CN', 'ZH-hk', ' zh '])(
    'uses Chinese for %j',
    (locale) => {
      expect(localized(text, locale)).toBe('需求沟通');
      expect(playbookLocale(locale)).toBe('zh-CN');
    },
  );

  it.each(['en', 'en-US', 'en_GB', 'de', 'fr-FR', 'ja', ''])('uses English for %j', (locale) => {
    expect(localized(text, locale)).toBe('Needs discovery');
    expect(playbookLocale(locale)).toBe('en');
  });
});
