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
    ],
  },
});
