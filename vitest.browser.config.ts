import { defineConfig } from 'vitest/config';

// Browser tests: the real server (built web app, fresh embedded database, demo data) driven by
// playwright-core in Debian's Chromium (/usr/bin/chromium). Never downloads a browser.
// Waits are on conditions (locators, URLs, expect.poll); the timeouts below are ceilings sized for a loaded
// 2-core machine, not delays (per-action ceilings: test/support/browser.ts ACTION_TIMEOUT).
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    // the demo world is seeded once per run; each file opens its own copy (test/support/browser-snapshot.ts)
    globalSetup: ['test/support/browser-snapshot.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    expect: { poll: { timeout: 60_000, interval: 100 } },
    pool: 'forks',
    maxWorkers: 1,
  },
});
