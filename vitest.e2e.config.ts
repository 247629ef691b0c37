import { defineConfig } from 'vitest/config';

// End-to-end tests drive real Chromium with the built extension; one browser at a time on small machines.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    expect: { poll: { timeout: 5_000 } },
  },
});
