import { createHash } from 'node:crypto'
import { parse, stringify } from 'lossless-json'
import type { DataSourceExecutor, TransactionHandle } from '../exec/index.js'
import { ProtocolError } from './protocol-error.js'

const TABLE = 'compiled_sql_stub.idempotency_keys'
const SETUP = [
  'CREATE SCHEMA IF NOT EXISTS compiled_sql_stub',
  `CREATE TABLE IF NOT EXISTS ${TABLE} (
     principal text NOT NULL,
     key text NOT NULL,
     body_sha256 text NOT NULL,
     response text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (principal, key)
   )`,
]
const SESSION = { searchPath: ['public'], statementTimeoutMs: 10_000 } as const

/** What a key already stands for. */
export type StoredOutcome = { readonly kind: 'none' } | { readonly kind: 'replay'; readonly body: Record<string, unknown> }

/**
 * Idempotency keys of writes, kept in the data source's own database
 * (`compiled_sql_stub.idempotency_keys`), so that a key is recorded in the
 * same transaction as the write it protects: either both commit or neither.
 */
export class IdempotencyStore {
  readonly #executor: DataSourceExecutor

  private constructor(executor: DataSourceExecutor) {
    this.#executor = executor
  }

  /** Creates the key table if it is missing. */
  static async open(executor: DataSourceExecutor): Promise<IdempotencyStore> {
    for (const text of SETUP) await executor.execute({ text, parameters: [], mode: 'write', ...SESSION })
    return new IdempotencyStore(executor)
  }

  /** The SHA-256 of a request body, which a replay must match. */
  static digest(bodyText: string): string {
    return createHash('sha256').update(bodyText).digest('hex')
  }

  /**
   * What `key` already stands for: nothing yet, or the stored response of the
   * same body.
   *
   * @throws {ProtocolError} `idempotency_conflict` when the key was used with another body.
   */
  async lookup(principal: string, key: string, bodySha256: string): Promise<StoredOutcome> {
    const result = await this.#executor.execute({
      text: `SELECT body_sha256, response FROM ${TABLE} WHERE principal = $1 AND key = $2`,
      parameters: [
        { value: principal, typeOid: 25 },
        { value: key, typeOid: 25 },
      ],
      mode: 'read',
      ...SESSION,
    })
    const row = result.rows[0]
    if (row === undefined) return { kind: 'none' }
    if (row.body_sha256 !== bodySha256) {
      throw new ProtocolError('idempotency_conflict', 'this Idempotency-Key was used with a different request body')
    }
    return { kind: 'replay', body: parse(String(row.response)) as Record<string, unknown> }
  }

  /** Records `key` in the write's own transaction. */
  async record(tx: TransactionHandle, principal: string, key: string, bodySha256: string, body: Record<string, unknown>): Promise<void> {
    await tx.query(`INSERT INTO ${TABLE} (principal, key, body_sha256, response) VALUES ($1, $2, $3, $4)`, [
      principal,
      key,
      bodySha256,
      stringify(body) ?? 'null',
    ])
  }
}
