import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test/setup-tf.ts'],
    // tfjs CPU kernels are single-threaded JS: a couple of files at a time keeps a 2-core machine responsive
    maxWorkers: 2,
    testTimeout: 30000,
  },
});
