// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Code that runs inside web pages must stay tiny and must never carry our data layer or UI. */
const pageSideRestrictions = {
  patterns: [
    {
      group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
      message: 'No React in the content script or site adapters.',
      allowTypeImports: true,
    },
    {
      group: ['zod', 'zod/*'],
      message: 'No zod in the content script: the background validates.',
      allowTypeImports: true,
    },
    {
      group: ['idb', '**/db/*', '@/lib/db/*'],
      message: 'Only the background touches the database.',
      allowTypeImports: true,
    },
    {
      group: ['tldts', 'email-providers', 'punycode', '**/contact/*', '@/lib/contact/*'],
      message: 'Keying and contact choice run in the background.',
      allowTypeImports: true,
    },
    {
      group: ['**/background/*', '@/lib/background/*', '**/messaging/schemas', '@/lib/messaging/schemas'],
      message: 'Background code stays in the background.',
      allowTypeImports: true,
    },
  ],
};

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'dist/**', 'demo-output/**', 'scripts/tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['**/*.tsx', 'components/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['entrypoints/content-*.ts', 'lib/content/**', 'lib/sites/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', pageSideRestrictions],
    },
  },
);
