import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * The client corpus of the installed `@compiled-sql/conformance-fixtures`
 * package (`compiled-sql.v1/client`), resolved through the package so that it
 * works from a checkout and from `node_modules` alike.
 */
export function defaultClientFixturesDir(): string {
  const require = createRequire(import.meta.url)
  const manifest = require.resolve('@compiled-sql/conformance-fixtures/package.json')
  return join(dirname(manifest), 'compiled-sql.v1', 'client')
}
