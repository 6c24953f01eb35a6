import { defineConfig } from 'vitest/config';
import { localeModules } from './scripts/vite-locales.js';

// Unit, service/repo and HTTP tests. Browser tests live in vitest.browser.config.ts.
export default defineConfig({
  // src/web/i18n.ts imports one language of the locale tree as a module (unit tests of the web's i18n)
  plugins: [localeModules()],
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
