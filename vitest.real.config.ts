import { defineConfig } from 'vitest/config';

// Tests against real servers (Tryton, Vendure, Medusa) that each test file sets up itself.
export default defineConfig({
  test: {
    include: ['test/real/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 900_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
