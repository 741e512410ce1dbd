/**
 * Reads a `Retry-After` header, as delay-seconds or an HTTP-date (RFC 9110
 * §10.2.3), into milliseconds from `now`. Returns `undefined` for a missing or
 * unreadable value; a date in the past is 0.
 *
 * @example
 * ```ts
 * parseRetryAfter('2') // 2000
 * parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:58 GMT')) // 2000
 * ```
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  // An HTTP-date names its weekday and month; without letters, Date.parse would read "-1" as a year.
  if (!/[a-z]/i.test(text)) return undefined
  const date = Date.parse(text)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}
