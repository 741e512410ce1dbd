#!/usr/bin/env node
// Builds the Go conformance adapter (adapters/go) into adapters/go/bin/,
// with every Go download and cache inside the repository's ignored .cache/go/,
// so that a clean clone needs nothing but a Go toolchain (1.26+, from $GO,
// PATH or /usr/local/go/bin). Idempotent: the module and build caches make a
// second run a no-op in effect.
//
//   node scripts/setup-go.mjs          # download modules, build the adapter
//   node scripts/setup-go.mjs --test   # the same, then go vet and go test
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const module = join(root, 'adapters/go')
const cache = join(root, '.cache/go')
const binary = join(module, 'bin/compiled-sql-adapter')

/** The go command: $GO, else the first `go` on PATH, else the usual install location. */
function findGo() {
  if (process.env.GO) return process.env.GO
  const onPath = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'go')).find((path) => existsSync(path))
  return onPath ?? '/usr/local/go/bin/go'
}

const go = findGo()
const env = {
  ...process.env,
  GOPATH: join(cache, 'path'),
  GOMODCACHE: join(cache, 'mod'),
  GOCACHE: join(cache, 'build'),
  // Never fetch another toolchain: go.mod's `go 1.26` must be met by this one.
  GOTOOLCHAIN: 'local',
  // go.sum is committed and complete; a build must not rewrite it. A writable
  // module cache lets `rm -rf .cache` work without chmod.
  GOFLAGS: [process.env.GOFLAGS, '-mod=readonly', '-modcacherw', '-buildvcs=false'].filter(Boolean).join(' '),
}
const run = (...args) => execFileSync(go, args, { stdio: 'inherit', cwd: module, env })

try {
  run('mod', 'download')
  run('build', '-o', binary, './cmd/compiled-sql-adapter')
  if (process.argv.includes('--test')) {
    run('vet', './...')
    run('test', './...')
  }
} catch (error) {
  console.error(`setup-go: ${error.message}`)
  if (!existsSync(go)) console.error(`setup-go: no Go toolchain at ${go}; install Go 1.26+ or set GO=/path/to/go`)
  process.exit(1)
}
console.log(`Go adapter ready: ${binary}`)
