// Playwright for the package stage (see xtask/src/package_tests.rs): the
// end-to-end tests' settings (Debian's Chromium and its flags), for the
// consumer apps built in WORK_DIR, each served on its own origin.
import { defineConfig } from '@playwright/test';
import endToEnd from '../e2e/playwright.config.mjs';

export default defineConfig({
  ...endToEnd,
  timeout: 60_000,
  outputDir: '../../target/package-test/results',
  use: { ...endToEnd.use, baseURL: undefined },
});
