/**
 * Derives the SQL checker's function and operator allowlist from a real
 * PostgreSQL 15 catalog and writes src/sql/generated/function-allowlist.ts.
 *
 *   node ../../scripts/with-postgres.mjs npx tsx scripts/generate-function-allowlist.ts [--check]
 *
 * Connects to COMPILED_SQL_TEST_POSTGRES_URL. With --check, writes nothing and
 * exits 1 when the committed file differs from what the catalog gives.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { readCatalog } from './function-allowlist-catalog.js'
import { buildAllowlist, renderAllowlistModule } from './function-allowlist-render.js'

/** Where the generated module lives. */
export const ALLOWLIST_MODULE_PATH = fileURLToPath(new URL('../src/sql/generated/function-allowlist.ts', import.meta.url))

/** The module text the catalog behind `connectionString` gives. */
export async function generateAllowlistModule(connectionString: string): Promise<string> {
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    const catalog = await readCatalog(client)
    if (catalog.serverMajor !== 15) throw new Error(`the allowlist is PostgreSQL 15 policy; the server is ${catalog.serverMajor}`)
    return renderAllowlistModule(buildAllowlist(catalog))
  } finally {
    await client.end()
  }
}

async function main(): Promise<void> {
  const url = process.env['COMPILED_SQL_TEST_POSTGRES_URL']
  if (url === undefined) throw new Error('COMPILED_SQL_TEST_POSTGRES_URL is not set; run under scripts/with-postgres.mjs')
  const text = await generateAllowlistModule(url)
  if (process.argv.includes('--check')) {
    const current = readFileSync(ALLOWLIST_MODULE_PATH, 'utf8')
    if (current !== text) {
      console.error(`${ALLOWLIST_MODULE_PATH} is stale; regenerate it`)
      process.exitCode = 1
    }
    return
  }
  writeFileSync(ALLOWLIST_MODULE_PATH, text)
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main()
