import { defineConfig } from 'tsup'

// The `compiled-sql` CLI and the conformance adapter: Node only, so they are built apart from the browser-safe core (tsup.config.ts), after it, without cleaning dist/.
export default defineConfig({
  entry: { cli: 'cli/main.ts', 'conformance-adapter': 'adapter/main.ts' },
  format: ['esm'],
  dts: false,
  sourcemap: true,
  clean: false,
  target: 'node20',
  platform: 'node',
})
