import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    reporters: ['default', './tests/helpers/summaryReporter.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // better-sqlite3 and Chromium are heavy on a 2-core machine: files run in forks, a few at a time.
    pool: 'forks',
    maxWorkers: 2,
  },
});
