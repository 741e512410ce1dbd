import { appendPointer } from '@compiled-sql/protocol'
import { OperationBuildError } from '../errors/operation-build-error.js'

/**
 * One field of an input object that may be spelled two ways, camelCase or
 * snake_case, and is serialized under the snake_case name.
 *
 * @example
 * ```ts
 * const field: Spelling = { camel: 'metaTableUid', snake: 'meta_table_uid' }
 * ```
 */
export interface Spelling {
  readonly camel: string
  readonly snake: string
}

/**
 * Reads a field by either spelling, as the upstream SDK accepts
 * `metaTableUid` for `meta_table_uid`. `undefined` counts as absent.
 *
 * @param path - the JSON Pointer of the object in the envelope being built.
 * @throws {OperationBuildError} `invalid_value` at the snake_case field's
 *   pointer when both spellings are present.
 *
 * @example
 * ```ts
 * readSpelled({ metaTableUid: 'a' }, { camel: 'metaTableUid', snake: 'meta_table_uid' }, '/scope/tables/0') // 'a'
 * ```
 */
export function readSpelled(input: Readonly<Record<string, unknown>>, field: Spelling, path: string): unknown {
  const camel = input[field.camel]
  const snake = input[field.snake]
  if (camel !== undefined && snake !== undefined) {
    throw new OperationBuildError('invalid_value', appendPointer(path, field.snake), `both ${field.camel} and ${field.snake} are given; keep one spelling`)
  }
  return camel ?? snake
}

/**
 * Rejects keys outside `known`, so a typo (`maxRow`) fails loudly instead of
 * being dropped, as the wire schema would reject it.
 *
 * @throws {OperationBuildError} `unknown_field` at the unknown key's pointer.
 *
 * @example
 * ```ts
 * rejectUnknownKeys({ maxRow: 5 }, new Set(['maxRows', 'max_rows']), '/limits') // throws, path '/limits/maxRow'
 * ```
 */
export function rejectUnknownKeys(input: Readonly<Record<string, unknown>>, known: ReadonlySet<string>, path: string): void {
  for (const key in input) {
    if (Object.hasOwn(input, key) && !known.has(key)) {
      throw new OperationBuildError('unknown_field', appendPointer(path, key), `${JSON.stringify(key)} is not a field here; expected one of ${[...known].join(', ')}`)
    }
  }
}

/**
 * Checks that `value` is a plain object before its fields are read.
 *
 * @throws {OperationBuildError} `invalid_type` at `path`.
 *
 * @example
 * ```ts
 * const scope = asRecord(input.scope, '/scope')
 * ```
 */
export function asRecord(value: unknown, path: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new OperationBuildError('invalid_type', path, `expected an object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`)
  }
  return value as Readonly<Record<string, unknown>>
}
