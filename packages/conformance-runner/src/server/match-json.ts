import { canonicalDecimal } from './decimal.js'
import { isJsonNumber } from './exact-json.js'

/** Where in a document a value sits, for messages: `body.pagination.limit`, `rows[3].qty`. */
type Where = string

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isJsonNumber(value)
}

/** A JSON value as short text for a message, numbers as their decimal digits. */
export function describeJson(value: unknown): string {
  if (isJsonNumber(value)) return canonicalDecimal(value)
  const text = JSON.stringify(value, (_, v: unknown) => (isJsonNumber(v) && typeof v !== 'number' ? canonicalDecimal(v) : v))
  return text === undefined ? String(value) : text.length > 200 ? `${text.slice(0, 200)}…` : text
}

function scalarMismatch(expected: unknown, actual: unknown, where: Where): string | undefined {
  if (isJsonNumber(expected)) {
    return isJsonNumber(actual) && canonicalDecimal(expected) === canonicalDecimal(actual)
      ? undefined
      : `${where}: expected ${describeJson(expected)}, got ${describeJson(actual)}`
  }
  return expected === actual ? undefined : `${where}: expected ${describeJson(expected)}, got ${describeJson(actual)}`
}

function compare(expected: unknown, actual: unknown, where: Where, exact: boolean): string | undefined {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${where}: expected an array, got ${describeJson(actual)}`
    if (actual.length !== expected.length) return `${where}: expected ${expected.length} items, got ${actual.length}`
    for (const [index, item] of expected.entries()) {
      const problem = compare(item, actual[index], `${where}[${index}]`, exact)
      if (problem !== undefined) return problem
    }
    return undefined
  }
  if (isObject(expected)) {
    if (!isObject(actual)) return `${where}: expected an object, got ${describeJson(actual)}`
    for (const [key, item] of Object.entries(expected)) {
      if (!Object.prototype.hasOwnProperty.call(actual, key)) return `${where}.${key}: missing`
      const problem = compare(item, actual[key], `${where}.${key}`, exact)
      if (problem !== undefined) return problem
    }
    const extra = exact ? Object.keys(actual).find((key) => !Object.prototype.hasOwnProperty.call(expected, key)) : undefined
    return extra === undefined ? undefined : `${where}.${extra}: not expected (${describeJson(actual[extra])})`
  }
  return scalarMismatch(expected, actual, where)
}

/**
 * The first way `actual` fails to contain `expected`, or undefined when it
 * does: an object must hold at least the expected members (each matching);
 * an array must have the same length and matching items in order; numbers
 * match by decimal value; anything else by equality.
 */
export function subsetMismatch(expected: unknown, actual: unknown, where: Where): string | undefined {
  return compare(expected, actual, where, false)
}

/**
 * The first difference between two JSON values, or undefined when they are
 * equal: objects with the same members in any order, arrays item by item,
 * numbers by decimal value, at every depth.
 */
export function exactMismatch(expected: unknown, actual: unknown, where: Where): string | undefined {
  return compare(expected, actual, where, true)
}

/** A value as canonical text, for comparing rows as a multiset. */
export function canonicalText(value: unknown): string {
  if (isJsonNumber(value)) return `#${canonicalDecimal(value)}`
  if (Array.isArray(value)) return `[${value.map(canonicalText).join(',')}]`
  if (isObject(value)) {
    const members = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalText(value[key])}`)
    return `{${members.join(',')}}`
  }
  return JSON.stringify(value) ?? 'undefined'
}

