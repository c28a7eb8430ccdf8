// Lint rules for every script of the project: the element and pages
// (www/, browser modules), the end-to-end tests and the benchmark (Node).
// `cargo xtask test` runs ESLint from the repository's root with this file
// (`--config`), so paths here are relative to the root, and prettier --check.
import js from '@eslint/js';
import globals from 'globals';

export default [
  js.configs.recommended,
  {
    files: ['www/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: { ...globals.browser, __WASM_INTEGRITY__: 'readonly', __WASM_FILE__: 'readonly' },
    },
  },
  {
    // The consumer apps of the npm package (xtask/package/): browser modules.
    files: ['xtask/package/**/*.js'],
    languageOptions: { sourceType: 'module', globals: globals.browser },
  },
  {
    files: ['xtask/**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['xtask/bench/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  {
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always'],
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
];
