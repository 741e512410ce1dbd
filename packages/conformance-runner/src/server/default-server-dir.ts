import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * The server corpus of the installed `@compiled-sql/conformance-fixtures`
 * package (`compiled-sql.v1/server`), resolved through the package so that it
 * works from a workspace checkout and from `node_modules` alike.
 */
export function defaultServerFixturesDir(): string {
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve('@compiled-sql/conformance-fixtures/package.json')), 'compiled-sql.v1', 'server')
}
