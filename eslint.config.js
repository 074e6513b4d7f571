import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'public',
      'test-results',
      'playwright-report',
      'bench/out',
      '.tmp',
      '.scratch',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/ui/**/*.tsx', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The core is pure: no DOM frameworks, no database, no persistence. Keeps it runnable in Node
    // (CLI, tests) and in any worker.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', '@xyflow/*', 'zustand', 'zustand/*'],
              message: 'core is pure: no UI or state libraries',
            },
            {
              group: ['monaco-editor', 'monaco-editor/*', '@electric-sql/*', 'idb', 'libpg-query'],
              message: 'core is pure: adapters live in src/db, src/persistence',
            },
            {
              group: ['**/ui/**', '**/state/**', '**/db/**', '**/persistence/**'],
              message: 'imports go ui -> state -> core only',
            },
          ],
        },
      ],
    },
  },
);
