import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // Files that talk to a server start a server-stub (PGlite) in beforeAll: slow when turbo runs every package at once on 2 cores.
    hookTimeout: 120_000,
  },
})
