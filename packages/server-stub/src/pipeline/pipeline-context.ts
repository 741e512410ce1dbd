import type { DataSourceExecutor } from '../exec/index.js'
import type { SqlGuard } from '../sql/index.js'
import type { Registry } from '../world/registry.js'
import type { DataSourceConfig } from '../world/world-schema.js'
import type { IdempotencyStore } from './idempotency-store.js'

/** A data source the server is connected to. */
export interface DataSourceRuntime {
  readonly config: DataSourceConfig
  readonly executor: DataSourceExecutor
  readonly idempotency: IdempotencyStore
  /** The PostgreSQL major version of the data source: 18 for PGlite, the server's for PostgreSQL. */
  readonly grammar: 15 | 18
}

/** Everything a request needs besides itself. */
export interface PipelineContext {
  readonly registry: Registry
  readonly guard: SqlGuard
  readonly dataSources: ReadonlyMap<string, DataSourceRuntime>
}
