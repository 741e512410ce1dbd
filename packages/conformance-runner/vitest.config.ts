import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end tests spawn the built CLI and a Python interpreter.
    testTimeout: 120_000,
    // Some files start a server-stub in beforeAll: slow when turbo runs every package at once on 2 cores.
    hookTimeout: 120_000,
  },
})
