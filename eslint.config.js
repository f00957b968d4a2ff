import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench-results'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // src/ml is pure TypeScript over tfjs: no React, no DOM, no stores.
    files: ['src/ml/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/ml must not depend on React.' },
          { group: ['zustand', 'zustand/*'], message: 'src/ml must not depend on stores.' },
          { group: ['recharts', 'katex'], message: 'src/ml must not depend on UI libraries.' },
          { group: ['**/labs/**', '**/app/**', '**/charts/**', '**/components/**', '**/lectures/**', '**/params/**'], message: 'src/ml must not import UI, store or app code.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'window', message: 'src/ml must not touch the DOM.' },
        { name: 'document', message: 'src/ml must not touch the DOM.' },
        { name: 'localStorage', message: 'src/ml must not touch browser storage.' },
        { name: 'navigator', message: 'src/ml must not touch the browser.' },
      ],
    },
  },
);
