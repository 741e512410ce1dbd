import { validateOperation, type CompiledSqlOperation, type ValidationIssue } from '@compiled-sql/protocol'
import { OperationBuildError } from '../errors/operation-build-error.js'

/** How to fix each issue, keyed by `code` and, where it matters, by pointer. */
function fixOf(issue: ValidationIssue): string {
  switch (issue.code) {
    case 'unsupported_version':
      return 'omit version, or set it to "compiled-sql.v1"'
    case 'unsupported_dialect':
      return 'omit dialect, or set it to "postgresql"'
    case 'unsupported_paramstyle':
      return 'omit paramstyle, or set it to "pyformat" (compile $n SQL with toPyformat first)'
    case 'too_small':
      if (issue.instancePath === '/statement/sql') return 'pass a non-empty SQL statement'
      if (issue.instancePath === '/scope/tables') return 'list at least one table in scope.tables'
      if (issue.instancePath.startsWith('/limits/')) return 'use max_rows and statement_timeout_ms ≥ 1 and offset ≥ 0'
      return 'pass a larger or non-empty value'
    case 'invalid_value':
      if (issue.instancePath === '/operation') return 'use one of select, insert, update, delete, upsert'
      return 'use one of the allowed values'
    default:
      return 'fix the value'
  }
}

/**
 * Validates a built envelope with the protocol's `validateOperation`, the
 * same validator a server uses, and turns the first issue into an
 * {@link OperationBuildError} whose message says how to fix it; every issue
 * is kept in `issues`.
 *
 * @throws {OperationBuildError} with the issue's code and pointer.
 *
 * @example
 * ```ts
 * const envelope = validatedEnvelope(candidate) // typed CompiledSqlOperation
 * ```
 */
export function validatedEnvelope(candidate: unknown): CompiledSqlOperation {
  const result = validateOperation(candidate)
  if (result.ok) return result.value
  const [first] = result.errors
  if (first === undefined) throw new OperationBuildError('invalid_value', '', 'the envelope is invalid')
  const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more issue(s), see issues)` : ''
  throw new OperationBuildError(first.code, first.instancePath, `${first.message ?? first.code}: ${fixOf(first)}${more}`, { issues: result.errors })
}
