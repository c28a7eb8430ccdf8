// Playwright for the package stage (see xtask/src/package_tests.rs): the
// consumer apps' builds in APPS_DIR, served and driven in Debian's
// Chromium, as the end-to-end tests drive the site.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from '../e2e/playwright.config.mjs';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 2,
  reporter: [['list']],
  outputDir: '../../target/package-test/results',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
});
