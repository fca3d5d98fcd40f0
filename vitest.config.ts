import { defineConfig } from 'vitest/config';

// One suite, three projects: pure rules (contracts), the web's pure units (its message
// catalogue; no DOM) and the HTTP/API tests (server).
// The browser tests have their own config (apps/web/e2e) because they need a built app.
export default defineConfig({
  test: {
    // two cores: more workers only add contention on the database
    maxWorkers: 2,
    projects: [
      { test: { name: 'contracts', include: ['packages/contracts/src/**/*.test.ts'] } },
      { test: { name: 'web', include: ['apps/web/src/**/*.test.ts'] } },
      {
        test: {
          name: 'server',
          include: ['apps/server/src/**/*.test.ts', 'apps/server/test/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
