import { defineConfig } from 'vitest/config';

const shared = {
  globalSetup: ['./test/support/global-setup.ts'],
  setupFiles: ['./test/support/quiet-temporal.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        test: {
          ...shared,
          name: 'main',
          include: ['test/{unit,db,api,e2e,replay}/**/*.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...shared,
          name: 'time-skipping',
          include: ['test/workflows/**/*.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        // A real Chromium against the service as `npm start` runs it: one service and one browser
        // per file, files one at a time (each starts a service and a browser of its own).
        test: {
          ...shared,
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
