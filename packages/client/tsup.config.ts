import { defineConfig } from 'tsup'

export default defineConfig({
  // One entry per adapter, so the core never loads Kysely, Drizzle or Knex (optional peers, external here).
  entry: ['src/index.ts', 'src/kysely.ts', 'src/drizzle.ts', 'src/knex.ts', 'src/sql.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // The core runs in browsers: build with the Node-free tsconfig.
  platform: 'neutral',
  tsconfig: 'tsconfig.src.json',
})
