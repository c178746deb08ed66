import { defineConfig } from 'vitest/config';

// isolated-vm needs --no-node-snapshot on Node 20 and later, so every test worker is a forked
// process started with it. Forks (not threads) also keep a crashing native addon from taking the
// runner down with it.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    execArgv: ['--no-node-snapshot'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
  },
});
