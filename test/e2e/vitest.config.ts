import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end tests: real browsers, a real APy, one file at a time (the machines have 2 cores),
// in a stable order, with timeouts long enough for a cold browser start.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    // The build with `tabs` for popups opened as pages (test/e2e/harness/paths.ts).
    env: { FD_EXTENSION_BUILD: 'e2e' },
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { shuffle: false, concurrent: false },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    retry: 0,
    reporters: ['verbose'],
  },
});
