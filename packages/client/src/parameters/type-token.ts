/**
 * Normalizes a parameter type token as the upstream SDK does: lowercase, `_`
 * as a space, so `TIMESTAMP_WITH_TIME_ZONE` and `timestamp with time zone`
 * are the same token. Whether the token exists is left to the envelope
 * validator, which reports `invalid_value` at `/statement/parameter_types/…`.
 *
 * @example
 * ```ts
 * normalizeTypeToken('TIMESTAMP_WITH_TIME_ZONE') // 'timestamp with time zone'
 * normalizeTypeToken(' Int64 ') // 'int64'
 * ```
 */
export function normalizeTypeToken(token: string): string {
  return token.trim().toLowerCase().replaceAll('_', ' ')
}
