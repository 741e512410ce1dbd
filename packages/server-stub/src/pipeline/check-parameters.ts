import type { CompiledSqlOperation } from '@compiled-sql/protocol'
import { ProtocolError } from './protocol-error.js'

/**
 * The parameters of a statement as its placeholders use them: each named or
 * positional value by its name (`"0"`, `"1"`, … for positional ones).
 */
export type ParameterValues = ReadonlyMap<string, unknown>

/**
 * Step 4, the request side: every placeholder has a value, every value is
 * used, and every `parameter_types` entry names a value. `names` are the
 * placeholder names in `$n` order, as the SQL analysis found them.
 *
 * @throws {ProtocolError} `missing_parameter`, `unused_parameter` or `unknown_parameter`.
 */
export function checkParameters(
  statement: CompiledSqlOperation['statement'],
  exactParameters: unknown,
  names: readonly string[],
): ParameterValues {
  const given = new Map<string, unknown>(
    Array.isArray(exactParameters)
      ? exactParameters.map((value, index) => [String(index), value])
      : Object.entries((exactParameters ?? {}) as Record<string, unknown>),
  )
  for (const name of names) {
    if (!given.has(name)) {
      throw new ProtocolError('missing_parameter', `the SQL uses parameter ${name}, which statement.parameters does not carry`, {
        details: { parameter: name },
      })
    }
  }
  const used = new Set(names)
  for (const name of given.keys()) {
    if (!used.has(name)) {
      throw new ProtocolError('unused_parameter', `statement.parameters carries ${name}, which the SQL never uses`, { details: { parameter: name } })
    }
  }
  for (const name of Object.keys(statement.parameter_types ?? {})) {
    if (!given.has(name)) {
      throw new ProtocolError('unknown_parameter', `statement.parameter_types names ${name}, which statement.parameters does not carry`, {
        details: { parameter: name },
      })
    }
  }
  return given
}
