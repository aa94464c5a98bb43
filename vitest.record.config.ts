import { defineConfig } from 'vitest/config';

/** `npm run record-histories`: re-records the workflow histories the replay tests replay. */
export default defineConfig({
  test: {
    globalSetup: ['./test/support/global-setup.ts'],
    setupFiles: ['./test/support/quiet-temporal.ts'],
    include: ['test/record/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
