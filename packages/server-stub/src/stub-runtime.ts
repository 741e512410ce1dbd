import { readFileSync } from 'node:fs'
import pg from 'pg'
import { createPgliteExecutor, createPostgresExecutor, type DataSourceExecutor } from './exec/index.js'
import { IdempotencyStore } from './pipeline/idempotency-store.js'
import type { DataSourceRuntime, PipelineContext } from './pipeline/pipeline-context.js'
import { AnalysisCache, loadSqlGuard } from './sql/index.js'
import { Registry } from './world/registry.js'
import type { DataSourceConfig, World } from './world/world-schema.js'

/** A world brought up: its registry, its SQL guard, and a connected executor per data source. */
export interface StubRuntime extends PipelineContext {
  /** Closes every data source: pools end, PGlite workers stop. */
  close(): Promise<void>
}

async function serverMajor(executor: DataSourceExecutor): Promise<15 | 18> {
  const result = await executor.execute({
    text: "SELECT current_setting('server_version_num')::int / 10000 AS major",
    parameters: [],
    mode: 'read',
    searchPath: ['public'],
    statementTimeoutMs: 10_000,
  })
  const major = Number(result.rows[0]?.major)
  return major >= 18 ? 18 : 15
}

/** Runs seed files as scripts (the simple protocol allows several statements), each in one transaction. */
async function seedPostgres(connectionString: string, seedSql: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    for (const text of seedSql) await client.query(`BEGIN;\n${text}\n;COMMIT;`)
  } finally {
    await client.end()
  }
}

async function connect(config: DataSourceConfig): Promise<DataSourceRuntime> {
  const seedSql = (config.seed ?? []).map((file) => readFileSync(file, 'utf8'))
  const executor =
    config.engine === 'pglite'
      ? await createPgliteExecutor({ ...(config.data_dir !== undefined && { dataDir: config.data_dir }), seedSql })
      : createPostgresExecutor({ connectionString: config.connection_string, ...(config.pool_size !== undefined && { poolSize: config.pool_size }) })
  if (config.engine === 'postgresql' && seedSql.length > 0) await seedPostgres(config.connection_string, seedSql)
  const idempotency = await IdempotencyStore.open(executor)
  return { config, executor, idempotency, grammar: config.engine === 'pglite' ? 18 : await serverMajor(executor) }
}

/**
 * Brings a validated world up: loads PostgreSQL's parsers, connects every data
 * source (starting PGlite workers and running seeds), and creates the
 * idempotency tables.
 */
export async function startRuntime(world: World): Promise<StubRuntime> {
  const registry = new Registry(world)
  // Parameters are bound, so the same SQL text repeats: analyse it once.
  const guard = new AnalysisCache(await loadSqlGuard())
  const dataSources = new Map<string, DataSourceRuntime>()
  try {
    for (const config of world.data_sources) dataSources.set(config.uid, await connect(config))
  } catch (error) {
    await Promise.allSettled([...dataSources.values()].map((d) => d.executor.close()))
    throw error
  }
  return {
    registry,
    guard,
    dataSources,
    async close() {
      await Promise.allSettled([...dataSources.values()].map((d) => d.executor.close()))
    },
  }
}
