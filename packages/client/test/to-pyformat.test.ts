import { describe, expect, it } from 'vitest'
import { bindPositional, fromPyformat, OperationBuildError, toPyformat } from '../src/index.js'

function thrown(run: () => unknown): OperationBuildError {
  try {
    run()
  } catch (error) {
    if (error instanceof OperationBuildError) return error
    throw error
  }
  throw new Error('expected an OperationBuildError')
}

describe('toPyformat', () => {
  const cases: [string, string][] = [
    ['select * from "asset" where "symbol" = $1 limit $2', 'select * from "asset" where "symbol" = %(p1)s limit %(p2)s'],
    ["SELECT $1 WHERE s LIKE '%$1%'", "SELECT %(p1)s WHERE s LIKE '%%$1%%'"],
    ['SELECT a % $1 -- 100% $1', 'SELECT a %% %(p1)s -- 100%% $1'],
    ['SELECT $$%$1$$, $1', 'SELECT $$%%$1$$, %(p1)s'],
    ['SELECT "50%" FROM t /* $1 % */ WHERE x = $1', 'SELECT "50%%" FROM t /* $1 %% */ WHERE x = %(p1)s'],
    ["SELECT E'\\'%$1', $1", "SELECT E'\\'%%$1', %(p1)s"],
  ]
  it.each(cases)('%s', (sql, expected) => {
    expect(toPyformat(sql).sql).toBe(expected)
  })

  it('maps a reused $n to one name, listing placeholders in order of first use', () => {
    expect(toPyformat('SELECT $2, $1, $2')).toEqual({
      sql: 'SELECT %(p2)s, %(p1)s, %(p2)s',
      placeholders: [
        { index: 2, name: 'p2' },
        { index: 1, name: 'p1' },
      ],
    })
  })

  it('uses provided names, by list or by function', () => {
    expect(toPyformat('SELECT $1, $2, $3', { names: ['symbol', 'as_of'] }).sql).toBe('SELECT %(symbol)s, %(as_of)s, %(p3)s')
    expect(toPyformat('SELECT $1', { names: (n) => `param_${n}` }).sql).toBe('SELECT %(param_1)s')
  })

  it('rejects a name with ")" and a name given to two parameters', () => {
    expect(thrown(() => toPyformat('SELECT $1', { names: ['a)'] })).code).toBe('invalid_value')
    expect(thrown(() => toPyformat('SELECT $1, $2', { names: () => 'x' })).message).toContain('already the name of $1')
  })
})

describe('fromPyformat', () => {
  it('undoes toPyformat', () => {
    expect(fromPyformat("SELECT %(p1)s, '100%%'", new Map([['p1', 1]]))).toBe("SELECT $1, '100%'")
  })
  it('rejects a lone % and an unknown name', () => {
    expect(thrown(() => fromPyformat('SELECT 5 % 2', new Map())).code).toBe('invalid_format')
    expect(thrown(() => fromPyformat('SELECT %(x)s', new Map())).code).toBe('unknown_parameter')
  })
})

describe('bindPositional', () => {
  it('names positional values after their placeholders', () => {
    expect(bindPositional('select * from "asset" where "symbol" = $1 and "uid" <> $2', ['BTC', 'u1'])).toEqual({
      sql: 'select * from "asset" where "symbol" = %(p1)s and "uid" <> %(p2)s',
      parameters: { p1: 'BTC', p2: 'u1' },
    })
  })
  it('rejects a placeholder without a value and a value without a placeholder', () => {
    const missing = thrown(() => bindPositional('SELECT $1, $2', ['a']))
    expect([missing.code, missing.path]).toEqual(['missing_parameter', '/statement/sql'])
    expect(thrown(() => bindPositional('SELECT $1', ['a', 'b'])).code).toBe('unused_parameter')
    expect(thrown(() => bindPositional("SELECT '$1'", ['a'])).code).toBe('unused_parameter')
  })

  it('keeps a parameter named __proto__ as a key (regression: it set the prototype)', () => {
    const bound = bindPositional('SELECT $1', ['x'], { names: ['__proto__'] })
    expect([Object.keys(bound.parameters), Object.getPrototypeOf(bound.parameters), JSON.stringify(bound.parameters)]).toEqual([['__proto__'], Object.prototype, '{"__proto__":"x"}'])
  })
})
