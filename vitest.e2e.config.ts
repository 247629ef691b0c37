import { defineConfig } from 'vitest/config';

// End-to-end tests drive real Chromium with the built extension; one browser at a time on small machines.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // Generous waits and one retry: CI machines are shared, and a busy one must not fail a correct run.
    // A test that only passes on retry is reported as flaky in the output.
    expect: { poll: { timeout: 10_000 } },
    retry: 1,
  },
});
