import type { OperationKind } from '@compiled-sql/protocol'
import { is, SQL, StringChunk, Table } from 'drizzle-orm'
import { PgDeleteBase, PgInsertBase, PgSelectQueryBuilderBase, PgUpdateBase } from 'drizzle-orm/pg-core'
import { excerpt } from '../../scope/raw-text.js'
import type { StatementShape } from '../../scope/statement-shape.js'
import { drizzleTableAlias, drizzleTableName } from './drizzle-table-name.js'
import { DrizzleTableWalker } from './table-walker.js'

interface Kind {
  readonly kind: OperationKind
  readonly alsoAccepts?: OperationKind[]
  readonly target?: Table
}

/** Whether Drizzle's ON CONFLICT clause (built by `onConflictDoUpdate`) updates; `onConflictDoNothing` writes `do nothing`. */
function updatesOnConflict(onConflict: SQL): boolean {
  return onConflict.queryChunks.some((chunk) => is(chunk, StringChunk) && chunk.value.join('').includes('do update'))
}

function kindOf(builder: object): Kind | undefined {
  const config = (builder as { readonly config?: { readonly table?: unknown; readonly onConflict?: unknown } }).config
  const target = is(config?.table, Table) ? config.table : undefined
  const write = (kind: OperationKind, alsoAccepts?: OperationKind[]): Kind => ({ kind, ...(alsoAccepts && { alsoAccepts }), ...(target && { target }) })
  if (is(builder, PgSelectQueryBuilderBase)) return { kind: 'select' }
  if (is(builder, PgUpdateBase)) return write('update')
  if (is(builder, PgDeleteBase)) return write('delete')
  if (!is(builder, PgInsertBase)) return undefined
  // As the server classifies an INSERT: DO UPDATE is an upsert only; DO NOTHING is both.
  if (!is(config?.onConflict, SQL)) return write('insert')
  return updatesOnConflict(config.onConflict) ? write('upsert') : write('insert', ['upsert'])
}

/**
 * Reads a Drizzle (pg-core) query builder: its kind from its class
 * (`PgSelect…`, `PgInsertBase`, `PgUpdateBase`, `PgDeleteBase`; an insert with
 * `onConflictDoUpdate` is an upsert, with `onConflictDoNothing` an insert that
 * may also be sent as upsert, as the server decides), the mutated table from
 * its `config.table`, and every referenced table from its config (see
 * {@link DrizzleTableWalker}). A `sql` template has no kind and hides its
 * tables. Other objects (relational queries, `$count`) show nothing:
 * `undefined`, and the caller must declare `operation` and `scope`.
 *
 * @example
 * ```ts
 * drizzleShape(db.update(asset).set({ symbol: 'X' }).where(eq(asset.uid, uid)))
 * // { kind: 'update', tables: [{ table: { name: 'asset' }, access: 'write' }] }
 * ```
 */
export function drizzleShape(query: object): StatementShape | undefined {
  if (isDrizzleTemplate(query)) {
    const text = query.queryChunks.map((chunk) => (is(chunk, StringChunk) ? chunk.value.join('') : '?')).join('')
    return { tables: [], rawText: excerpt(text) }
  }
  const statement = kindOf(query)
  if (statement === undefined) return undefined
  const walker = new DrizzleTableWalker()
  walker.visitBuilder(query)
  const target = statement.target
  const alias = target && drizzleTableAlias(target)
  const written = target === undefined ? [] : [{ table: drizzleTableName(target), ...(alias !== undefined && { alias }), access: 'write' as const }]
  return {
    kind: statement.kind,
    ...(statement.alsoAccepts !== undefined && { alsoAccepts: statement.alsoAccepts }),
    // The target is also the config's FROM table, read as such: the write entry comes first and wins.
    tables: [...written, ...walker.tables],
    ...(walker.rawText !== undefined && { rawText: walker.rawText }),
  }
}

/** Whether `query` is a Drizzle `sql` template rather than a query builder. */
export function isDrizzleTemplate(query: object): query is SQL {
  return is(query, SQL)
}
