import type { CompiledSqlOperation } from '@compiled-sql/protocol'
import { OperationBuildError } from '../errors/operation-build-error.js'
import { validatedEnvelope } from '../operation/validate-envelope.js'

const COMPILE_FIRST =
  'compile first: pass an envelope from buildOperation(...) or from a builder adapter such as fromKysely(...), fromDrizzle(...), fromKnex(...) or fromSql(...)'

function looksLikeQueryBuilder(value: object): boolean {
  const candidate = value as Record<string, unknown>
  return ['compile', 'toSQL', 'toQuery', 'execute', 'getSQL'].some((method) => typeof candidate[method] === 'function')
}

/**
 * Checks that `input` is a compiled-sql.v1 envelope before anything is sent.
 * A query builder or raw SQL text is the common mistake, as with the upstream
 * SDK's `MetaTable.execute_operation(stmt)`, and gets an error that says to
 * compile first.
 *
 * @throws {OperationBuildError} `invalid_type` at `""` for a builder or text; the validator's first issue for an invalid envelope.
 */
export function compiledEnvelope(input: unknown): CompiledSqlOperation {
  if (typeof input === 'string') {
    throw new OperationBuildError('invalid_type', '', `executeOperation takes an envelope, not SQL text; ${COMPILE_FIRST}, or use runQuery(metaTableUid, sql) for raw read-only SQL`)
  }
  if (typeof input === 'object' && input !== null && looksLikeQueryBuilder(input)) {
    throw new OperationBuildError('invalid_type', '', `executeOperation takes an envelope, not a query builder; ${COMPILE_FIRST}`)
  }
  return validatedEnvelope(input)
}
