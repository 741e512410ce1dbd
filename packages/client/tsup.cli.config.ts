import { defineConfig } from 'tsup'

// The `compiled-sql` CLI: Node only, so it is built apart from the browser-safe core (tsup.config.ts), after it, without cleaning dist/.
export default defineConfig({
  entry: { cli: 'cli/main.ts' },
  format: ['esm'],
  dts: false,
  sourcemap: true,
  clean: false,
  target: 'node20',
  platform: 'node',
})
