import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Browser tests: one server (built web app, fresh SQLite, demo data) for the whole run,
// Debian's Chromium driven by playwright-core. Files run one at a time: two cores.
export default defineConfig({
  root: resolve(import.meta.dirname, '../../..'),
  test: {
    name: 'e2e',
    include: ['apps/web/e2e/**/*.e2e.test.ts'],
    globalSetup: ['apps/web/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll waits for the page to show a server's answer: 1 s (the default) is too short
    // on a busy CI machine.
    expect: { poll: { timeout: 10_000 } },
  },
});
