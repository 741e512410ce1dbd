import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end tests spawn the built CLI and a Python interpreter.
    testTimeout: 120_000,
  },
})
