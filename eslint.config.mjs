import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier/flat';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // Type-aware rules: catch floating promises and unsafe `any` flows (money code must not guess).
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The simulator is a separate product: it must never reach into the app, and the app never into it.
    files: ['simulator/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@/*', '../../lib/*', '../../app/*', '../../components/*'] }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'lib/**/*.ts', 'components/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/simulator/**'] }] },
  },
  {
    files: ['components/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@/lib/server/*', '**/lib/server/**', '**/simulator/**'] }],
    },
  },
  prettier,
  globalIgnores([
    '.next/**',
    'out/**',
    'build/**',
    'next-env.d.ts',
    'playwright-report/**',
    'test-results/**',
    '.data/**',
    '.ci-out/**',
    'lib/server/vipps/generated/**',
    'drizzle/**',
  ]),
]);
