import { MetaTableClient, type MetaTableClientOptions } from '../src/index.js'
import { UsageError } from './usage-error.js'

/** The flags every command that talks to a server takes. */
export interface ConnectionFlags {
  readonly endpoint?: string
  readonly token?: string
  readonly routes?: string
}

/**
 * The endpoint and token, from flags first, then `COMPILED_SQL_ENDPOINT` and
 * `COMPILED_SQL_TOKEN`, then the upstream Python CLI's `MAINSEQUENCE_ENDPOINT`
 * and `MAINSEQUENCE_ACCESS_TOKEN`, so the same shell set-up serves both.
 */
export function clientFromFlags(flags: ConnectionFlags, env: NodeJS.ProcessEnv, extra: Partial<MetaTableClientOptions> = {}): MetaTableClient {
  const endpoint = flags.endpoint ?? env.COMPILED_SQL_ENDPOINT ?? env.MAINSEQUENCE_ENDPOINT
  const token = flags.token ?? env.COMPILED_SQL_TOKEN ?? env.MAINSEQUENCE_ACCESS_TOKEN
  if (endpoint === undefined || endpoint === '') throw new UsageError('no endpoint: pass --endpoint URL or set COMPILED_SQL_ENDPOINT (or MAINSEQUENCE_ENDPOINT)')
  if (token === undefined || token === '') throw new UsageError('no token: pass --token TOKEN or set COMPILED_SQL_TOKEN (or MAINSEQUENCE_ACCESS_TOKEN)')
  if (flags.routes !== undefined && flags.routes !== 'legacy' && flags.routes !== 'v1') throw new UsageError(`--routes must be legacy or v1, got ${flags.routes}`)
  try {
    return new MetaTableClient({ endpoint, token, ...(flags.routes !== undefined && { routes: flags.routes }), ...extra })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

/** Parses `--timeout MS` as a positive integer. */
export function timeoutFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const timeoutMs = Number(value)
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new UsageError(`--timeout must be a positive number of milliseconds, got ${value}`)
  return timeoutMs
}
