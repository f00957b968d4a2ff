import { defineConfig } from 'vitest/config';

// `npm run bench` runs these Node-side speed probes; they print figures and assert nothing, so they
// are kept out of the unit-test suite.
export default defineConfig({
  test: { include: ['scripts/bench-*.test.ts'], environment: 'node', testTimeout: 120_000 },
});
