import { defineConfig } from 'vitest/config';

// Browser tests: the real server (built web app, fresh embedded database, demo data) driven by
// playwright-core in Debian's Chromium (/usr/bin/chromium). Never downloads a browser.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});
