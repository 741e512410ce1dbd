import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ALLOWLIST_MODULE_PATH, generateAllowlistModule } from '../../scripts/generate-function-allowlist.js'
import { isCallableWithOneArgument, verdict, type CatalogFunction } from '../../scripts/function-allowlist-rule.js'

const fn = (overrides: Partial<CatalogFunction>): CatalogFunction => ({
  name: 'lower',
  kind: 'f',
  volatility: 'i',
  pseudoTypes: [],
  typeIo: false,
  argumentTypes: ['text'],
  inputTypes: ['text'],
  defaultCount: 0,
  ...overrides,
})

describe('the allowlist rule', () => {
  it('allows an immutable plain function over real types', () => {
    expect(verdict(fn({}))).toBe('allow')
  })

  it.each<[string, Partial<CatalogFunction>, string]>([
    ['a procedure', { kind: 'p' }, 'deny:kind'],
    ['a void result (pg_sleep)', { name: 'pg_sleep', pseudoTypes: ['void'] }, 'deny:pseudo-type'],
    ['an internal argument', { pseudoTypes: ['internal'] }, 'deny:pseudo-type'],
    ['a type input function', { typeIo: true }, 'deny:type-io'],
    ['a regclass argument (nextval)', { name: 'nextval', argumentTypes: ['regclass'] }, 'deny:internal-argument'],
    ['a denied name (current_setting)', { name: 'current_setting', volatility: 's' }, 'deny:name'],
    ['a volatile function', { name: 'some_volatile', volatility: 'v' }, 'deny:volatile'],
  ])('denies %s', (_what, overrides, expected) => {
    expect(verdict(fn(overrides))).toBe(expected)
  })

  it('keeps polymorphic pseudo-types, xid arguments and the volatile value generators', () => {
    expect(verdict(fn({ name: 'array_append', pseudoTypes: ['anycompatible', 'anycompatiblearray'] }))).toBe('allow')
    expect(verdict(fn({ name: 'xideqint4', argumentTypes: ['xid', 'int4'] }))).toBe('allow')
    expect(verdict(fn({ name: 'gen_random_uuid', volatility: 'v', argumentTypes: [], inputTypes: [] }))).toBe('allow')
  })

  it('knows which functions a single argument reaches', () => {
    expect(isCallableWithOneArgument(fn({}))).toBe(true)
    expect(isCallableWithOneArgument(fn({ inputTypes: [] }))).toBe(false)
    expect(isCallableWithOneArgument(fn({ inputTypes: ['text', 'int4'] }))).toBe(false)
    expect(isCallableWithOneArgument(fn({ inputTypes: ['text', 'int4'], defaultCount: 1 }))).toBe(true)
    expect(isCallableWithOneArgument(fn({ inputTypes: ['internal'], pseudoTypes: ['internal'] }))).toBe(false)
    expect(isCallableWithOneArgument(fn({ inputTypes: ['any'], pseudoTypes: ['any'] }))).toBe(true)
  })
})

const url = process.env['COMPILED_SQL_TEST_POSTGRES_URL']

describe('the generated allowlist', () => {
  it.skipIf(url === undefined)(
    "is what PostgreSQL 15's catalog gives today (regenerate with scripts/generate-function-allowlist.ts)",
    async () => {
      const expected = await generateAllowlistModule(url!)
      expect(readFileSync(ALLOWLIST_MODULE_PATH, 'utf8')).toBe(expected)
    },
  )
})
