import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readFileSync } from 'node:fs';

const DEV_DEPENDENCIES = Object.keys(
  JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).devDependencies,
);

const CORE_PURE = [
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
];

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
    // Layers below the UI never reach up into it: the app services, store, adapters, layout and
    // CLI run without React (the CLI and the tests in Node, the workers without a DOM).
    files: [
      'src/app/**/*.ts',
      'src/state/**/*.ts',
      'src/db/**/*.ts',
      'src/persistence/**/*.ts',
      'src/layout/**/*.ts',
      'src/cli/**/*.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ui/**', 'react', 'react-dom', 'react/*', '@xyflow/*', 'monaco-editor'],
              message:
                'imports go ui -> app/state -> core: the UI is on top, nothing below imports it',
            },
          ],
        },
      ],
    },
  },
  {
    // The core is pure: no DOM frameworks, no database, no persistence. Keeps it runnable in Node
    // (CLI, tests) and in any worker.
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: CORE_PURE }] },
  },
  {
    // What ships from the core: tests may use dev tools and helpers, the core itself may not.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...CORE_PURE,
            {
              // A regex, not a gitignore-style group: `mermaid` would also match `./mermaid`.
              regex: `^(${DEV_DEPENDENCIES.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(/.*)?$`,
              message: 'core ships to the browser and the CLI: dev dependencies are for tests',
            },
            { group: ['node:*'], message: 'core runs in the browser too: no Node built-ins' },
            {
              group: ['**/test/**', '**/testing/**', '**/*.test', '**/__golden__/**'],
              message: 'test helpers live in src/test and are imported by tests only',
            },
          ],
        },
      ],
    },
  },
);
