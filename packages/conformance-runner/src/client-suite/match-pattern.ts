import { jsonEqual } from '../fixtures/json-equal.js'

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A JSON value as short text for a message. */
export function shortJson(value: unknown): string {
  const text = JSON.stringify(value)
  if (text === undefined) return String(value)
  return text.length > 160 ? `${text.slice(0, 160)}…` : text
}

/**
 * Where `actual` departs from `pattern`, or undefined when it matches. An
 * object pattern constrains only the keys it lists; an array pattern needs
 * the same length and each item to match; anything else must be equal.
 * `where` names the place for the message (`result.pagination.limit`).
 */
export function patternMismatch(pattern: unknown, actual: unknown, where: string): string | undefined {
  return compare(pattern, actual, where, false)
}

/** Where `actual` differs from `expected` (equal JSON, key order aside), or undefined. */
export function exactMismatch(expected: unknown, actual: unknown, where: string): string | undefined {
  return compare(expected, actual, where, true)
}

function compare(pattern: unknown, actual: unknown, where: string, exact: boolean): string | undefined {
  if (Array.isArray(pattern)) {
    if (!Array.isArray(actual)) return `${where}: expected an array, got ${shortJson(actual)}`
    if (actual.length !== pattern.length) return `${where}: expected ${pattern.length} items, got ${actual.length}`
    for (const [index, item] of pattern.entries()) {
      const problem = compare(item, actual[index], `${where}[${index}]`, exact)
      if (problem !== undefined) return problem
    }
    return undefined
  }
  if (isObject(pattern)) {
    if (!isObject(actual)) return `${where}: expected an object, got ${shortJson(actual)}`
    for (const [key, item] of Object.entries(pattern)) {
      if (!Object.prototype.hasOwnProperty.call(actual, key)) return `${where}.${key}: missing`
      const problem = compare(item, actual[key], `${where}.${key}`, exact)
      if (problem !== undefined) return problem
    }
    const extra = exact ? Object.keys(actual).find((key) => !Object.prototype.hasOwnProperty.call(pattern, key)) : undefined
    return extra === undefined ? undefined : `${where}.${extra}: not expected, got ${shortJson(actual[extra])}`
  }
  return jsonEqual(pattern, actual) ? undefined : `${where}: expected ${shortJson(pattern)}, got ${shortJson(actual)}`
}

