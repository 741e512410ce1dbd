import { describe, expect, it } from 'vitest'
import { MAX_ISSUES, validateErrorResponse, validateOperation } from '../src/index.js'
import { envelope, outcome, withParameters } from './support/envelope.js'

/**
 * validateOperation on very large and very deep values. Arrays are packed
 * small integers, so a million parameters stay within tens of megabytes.
 */

const MILLION = 1_000_000

function integers(length: number): unknown[] {
  return Array.from({ length }, (_, index) => index)
}

function nested(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = 1
  for (let level = 0; level < depth; level++) value = wrap(value)
  return value
}

describe('validateOperation on a million parameters', () => {
  it('accepts a million positional parameters and returns the same value', () => {
    const document = withParameters(integers(MILLION))
    const result = validateOperation(document)
    expect(result.ok && result.value).toBe(document)
  })

  it('reports the one undefined among a million positional parameters at its index', () => {
    const parameters = integers(MILLION)
    parameters[MILLION - 1] = undefined
    expect(outcome(validateOperation(withParameters(parameters)))).toEqual([['invalid_type', `/statement/parameters/${MILLION - 1}`]])
  })

  it('reports the one Date among a million positional parameters at its index', () => {
    const parameters = integers(MILLION)
    parameters[MILLION / 2] = new Date(0)
    expect(outcome(validateOperation(withParameters(parameters)))).toEqual([['invalid_type', `/statement/parameters/${MILLION / 2}`]])
  })

  it(`reports at most ${MAX_ISSUES} issues for 100000 invalid scope tables, the first ones first`, () => {
    const document = envelope()
    const invalid = { meta_table_uid: '' }
    document.scope.tables = Array.from({ length: 100_000 }, () => invalid)
    const issues = outcome(validateOperation(document))
    expect(issues).toHaveLength(MAX_ISSUES)
    expect(issues.slice(0, 2)).toEqual([['too_small', '/scope/tables/0/meta_table_uid'], ['too_small', '/scope/tables/1/meta_table_uid']])
  })
})

describe('validateOperation on parameters nested 100000 deep', () => {
  // Ajv's generated code recurses once per level and overflows the stack; the validator catches
  // the RangeError, finds nothing non-JSON in the value, and reports the nesting as too deep
  // (the protocol guarantees MAX_GUARANTEED_DEPTH levels).
  it.each([
    ['arrays', (inner: unknown) => [inner]],
    ['objects', (inner: unknown) => ({ a: inner })],
  ] as const)('reports nested %s as too_big at the root, without throwing', (_, wrap) => {
    const result = validateOperation(withParameters({ deep: nested(100_000, wrap) }))
    expect(outcome(result)).toEqual([['too_big', '']])
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/nested more deeply/)
  })

  it('accepts parameters nested 100 deep', () => {
    expect(validateOperation(withParameters({ deep: nested(100, (inner) => [inner]) })).ok).toBe(true)
  })

  it('reports a cycle found only because the stack overflowed at its pointer', () => {
    const inner: Record<string, unknown> = {}
    inner.self = inner
    const result = validateOperation(withParameters({ deep: nested(100_000, (value) => [value]), cyclic: inner }))
    expect(outcome(result)).toEqual([['invalid_type', '/statement/parameters/cyclic/self']])
  })
})

/**
 * Counts the array elements `Array.prototype.concat` copies while `run` runs.
 * Ajv's all-errors code merges the errors of each `$ref`'d subschema with
 * `vErrors.concat(...)`, so this measures its work without timing anything.
 */
function elementsCopiedByConcat(run: () => unknown): number {
  const concat = Array.prototype.concat
  let copied = 0
  Array.prototype.concat = function (this: unknown[], ...items: unknown[]) {
    copied += this.length
    return concat.apply(this, items)
  }
  try {
    run()
  } finally {
    Array.prototype.concat = concat
  }
  return copied
}

describe('regressions', () => {
  // The issues pass (Ajv allErrors) copied every error found so far each time a $ref'd subschema
  // failed: quadratic in the number of failing items. 40000 empty `details.issues` (a 120 kB body)
  // took about 15 s. scripts/generate-validators.ts now appends in place.
  const FAILING_ITEMS = 3000

  it('bug issues-pass-quadratic-error-concat: an error-response with 3000 empty details.issues', () => {
    const document = {
      ok: false,
      error: { code: 'invalid_type', kind: 'validation_error', message: 'm', retryable: false, details: { issues: Array.from({ length: FAILING_ITEMS }, () => ({})) } },
    }
    expect(elementsCopiedByConcat(() => validateErrorResponse(JSON.parse(JSON.stringify(document))))).toBeLessThan(2 * MAX_ISSUES * FAILING_ITEMS)
  })

  it('bug issues-pass-quadratic-error-concat: 3000 NaN positional parameters', () => {
    const document = withParameters(Array.from({ length: FAILING_ITEMS }, () => NaN))
    expect(elementsCopiedByConcat(() => validateOperation(document))).toBeLessThan(2 * MAX_ISSUES * FAILING_ITEMS)
  })
})
