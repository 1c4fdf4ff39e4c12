import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const noElectron = { name: 'electron', message: 'The core and shared code run without Electron.' };
const noNode = { group: ['node:*'], message: 'Browser code: no Node built-ins here.' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.electron-native/**', 'bench/results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [noNode] }],
      // Shortcuts go by physical key so they work in the Russian and Kazakh layouts.
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name=/^(e|event)$/][property.name='key']",
          message: 'Read keys through shortcutKey() (shared/shortcutKey.ts): it goes by event.code.',
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [noNode] }] },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    // Tests inspect raw JSON replies and database rows.
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The shell's pure parts are unit-tested under Node: they may use Electron's types only.
    files: ['electron/shell/**/*.ts', 'tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [{ ...noElectron, allowTypeImports: true }] }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
