import { OperationBuildError } from '../errors/operation-build-error.js'

function checkedIso(value: Date, path: string): string {
  const year = value.getUTCFullYear()
  if (Number.isNaN(value.getTime()) || year < 0 || year > 9999) {
    throw new OperationBuildError('invalid_parameter_value', path, 'the Date is invalid or outside years 0000–9999; pass a valid Date')
  }
  return value.toISOString()
}

/**
 * Encodes a Date as `timestamp with time zone`: RFC 3339 in UTC with `Z`
 * (a JS Date is an instant, so no zone is lost).
 *
 * @throws {OperationBuildError} `invalid_parameter_value` at `path` for an
 *   invalid Date or a year outside 0000–9999.
 *
 * @example
 * ```ts
 * encodeTimestamp(new Date(Date.UTC(2026, 4, 28, 9, 30)), '/statement/parameters/at')
 * // '2026-05-28T09:30:00.000Z'
 * ```
 */
export function encodeTimestamp(value: Date, path: string): string {
  return checkedIso(value, path)
}

/**
 * Encodes a Date as `date`: its UTC calendar day, `YYYY-MM-DD`. Used only when
 * the caller declares the `date` type, since a Date alone is an instant.
 *
 * @throws {OperationBuildError} as {@link encodeTimestamp}.
 *
 * @example
 * ```ts
 * encodeDate(new Date('2026-05-28T23:59:59Z'), '/statement/parameters/as_of') // '2026-05-28'
 * ```
 */
export function encodeDate(value: Date, path: string): string {
  return checkedIso(value, path).slice(0, 10)
}
