import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/global-setup.ts'],
    unstubEnvs: true,
    restoreMocks: true,
    // Two cores here and in CI: forks with at most two workers.
    pool: 'forks',
    maxWorkers: 2,
    // Generous: the suite must pass on a busy two-core machine, where a
    // test that takes 2 s idle can take twenty times as long.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // Generated from the event schemas; a property test holds it to zod's
      // answers on every sample and 4,000 mutations. Its generator is covered.
      exclude: ['src/**/*.generated.ts'],
      reporter: ['text-summary'],
      // The floor: what the suite covered when the gate was set (96.8 %
      // statements, 88.4 % branches, 97.2 % functions, 97.4 % lines).
      thresholds: { statements: 96, branches: 88, functions: 96, lines: 97 },
    },
  },
});
