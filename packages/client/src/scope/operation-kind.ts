import type { OperationKind } from '@compiled-sql/protocol'
import { OperationBuildError } from '../errors/operation-build-error.js'
import type { StatementShape } from './statement-shape.js'

const KINDS = 'select, insert, update, delete or upsert'

/**
 * Decides the envelope's `operation` from the one the caller gave and the
 * one the query builder shows, and refuses a disagreement before anything is
 * sent, with the server's rules: `insert` is an INSERT without ON CONFLICT DO
 * UPDATE, `upsert` an INSERT with any ON CONFLICT.
 *
 * @throws {OperationBuildError} `statement_kind_mismatch` at `/operation`
 *   when they disagree; `missing_field` at `/operation` when neither says
 *   (raw SQL without `operation`).
 *
 * @example
 * ```ts
 * resolveOperationKind({ kind: 'insert', alsoAccepts: ['upsert'], tables: [] }, 'upsert') // 'upsert'
 * resolveOperationKind({ kind: 'select', tables: [] }, undefined) // 'select'
 * resolveOperationKind({ kind: 'update', tables: [] }, 'select') // throws statement_kind_mismatch
 * ```
 */
export function resolveOperationKind(shape: StatementShape | undefined, given: OperationKind | undefined): OperationKind {
  const seen = shape?.kind
  if (given === undefined) {
    if (seen !== undefined) return seen
    throw new OperationBuildError('missing_field', '/operation', `the statement's kind cannot be seen in raw SQL; pass operation (${KINDS})`)
  }
  if (seen === undefined || seen === given || shape?.alsoAccepts?.includes(given) === true) return given
  const accepted = [seen, ...(shape?.alsoAccepts ?? [])].join(' or ')
  throw new OperationBuildError(
    'statement_kind_mismatch',
    '/operation',
    `operation is ${JSON.stringify(given)}, but the query is ${article(seen)} ${seen} statement; pass operation ${accepted}, or build the query you meant`,
  )
}

const article = (word: string): string => ('aeiou'.includes(word.charAt(0)) ? 'an' : 'a')
