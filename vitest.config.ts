import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The consumer app is someone else's project: the install test builds it in a temp dir.
    exclude: ['**/node_modules/**', 'test/consumer/**'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    // The JSON report lets .ci/run print one 'N passed, N failed' line.
    reporters: ['default', ['json', { outputFile: '.tmp/vitest.json' }]],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
