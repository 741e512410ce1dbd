import { describe, expect, it } from 'vitest'
import { accepted, refused } from './support.js'

/** The 1-based code-point position of the first `needle` in `sql`, as the protocol counts. */
function positionOf(sql: string, needle: string): number {
  const index = sql.indexOf(needle)
  if (index < 0) throw new Error(`${needle} not in ${sql}`)
  return [...sql.slice(0, index)].length + 1
}

/** The same for the last `needle`. */
function positionOfLast(sql: string, needle: string): number {
  return [...sql.slice(0, sql.lastIndexOf(needle))].length + 1
}

describe('pyformat placeholders', () => {
  it('numbers named placeholders by first appearance and reuses a repeated name', async () => {
    const result = await accepted('SELECT %(b)s, %(a)s, %(b)s FROM trade')
    expect(result.text).toBe('SELECT $1, $2, $1 FROM trade')
    expect(result.placeholders).toEqual([
      { name: 'b', number: 1, position: 8 },
      { name: 'a', number: 2, position: 15 },
    ])
  })

  it('numbers positional placeholders in order, named by their index', async () => {
    const result = await accepted('SELECT %s, %s FROM trade WHERE id = %s', { parameters: 'positional' })
    expect(result.text).toBe('SELECT $1, $2 FROM trade WHERE id = $3')
    expect(result.placeholders.map((p) => p.name)).toEqual(['0', '1', '2'])
  })

  it.each([
    ['a string constant', "SELECT '%(x)s' FROM trade"],
    ['an escape string with an escaped quote', "SELECT E'it\\'s %(x)s' FROM trade"],
    ['a Unicode-escape string', "SELECT U&'%(x)s' FROM trade"],
    ['a dollar-quoted string', 'SELECT $$ %(x)s $$ FROM trade'],
    ['a tagged dollar quote holding $$', 'SELECT $t$ $$ %(x)s $t$ FROM trade'],
    ['a quoted identifier', 'SELECT 1 AS "%(x)s" FROM trade'],
    ['a line comment', 'SELECT 1 FROM trade -- %(x)s\n'],
    ['a block comment', 'SELECT 1 /* %(x)s */ FROM trade'],
    ['a nested block comment', 'SELECT 1 /* a /* %(x)s */ %(y)s */ FROM trade'],
  ])('leaves a placeholder inside %s alone', async (_where, sql) => {
    const result = await accepted(sql)
    expect(result.text).toBe(sql)
    expect(result.placeholders).toEqual([])
  })

  it('rewrites %% to % outside and inside literals and comments', async () => {
    const result = await accepted("SELECT id %% 2, '100%%', E'%%%', \"a%%b\" FROM trade /* 5%% */ WHERE id = %(x)s")
    expect(result.text).toBe("SELECT id % 2, '100%', E'%%', \"a%b\" FROM trade /* 5% */ WHERE id = $1")
  })

  it('leaves a lone % inside a string alone', async () => {
    const result = await accepted("SELECT '50% off', '%d' FROM trade")
    expect(result.text).toBe("SELECT '50% off', '%d' FROM trade")
  })

  it.each([
    ['a modulo written with one %', 'SELECT id % 2 FROM trade', 'SELECT id '.length + 1],
    ['%d', 'SELECT %d FROM trade', 8],
    ['%(x)d', 'SELECT %(x)d FROM trade', 8],
    ['a % at the end', 'SELECT 1 FROM trade WHERE id = 5 %', 'SELECT 1 FROM trade WHERE id = 5 '.length + 1],
    ['%( without a closing parenthesis', 'SELECT %(x FROM trade', 8],
  ])('refuses %s as sql_syntax_error at the %', async (_what, sql, position) => {
    const error = await refused(sql)
    expect(error.code).toBe('sql_syntax_error')
    expect(error.position).toBe(position)
  })

  it('refuses named placeholders with array parameters, at the first of them', async () => {
    const error = await refused('SELECT 1 FROM trade WHERE id = %(id)s', { parameters: 'positional' })
    expect(error).toMatchObject({ code: 'parameter_style_mismatch', position: 32 })
  })

  it('refuses positional placeholders with object parameters', async () => {
    const error = await refused('SELECT 1 FROM trade WHERE id = %s')
    expect(error).toMatchObject({ code: 'parameter_style_mismatch', position: 32 })
  })

  it('refuses mixed placeholder styles, at the later style', async () => {
    const sql = 'SELECT %s, %(a)s FROM trade'
    expect(await refused(sql)).toMatchObject({ code: 'parameter_style_mismatch', position: positionOf(sql, '%(a)s') })
    expect(await refused(sql, { parameters: 'positional' })).toMatchObject({ code: 'parameter_style_mismatch' })
  })

  it('refuses a native $n parameter outside a string, at the $', async () => {
    const sql = "SELECT 'é', %(a)s FROM trade WHERE id = $2"
    expect(await refused(sql)).toMatchObject({ code: 'parameter_style_mismatch', position: positionOf(sql, '$2') })
  })

  it('accepts $1 inside a string as text', async () => {
    const result = await accepted("SELECT '$1', %(a)s FROM trade")
    expect(result.text).toBe("SELECT '$1', $1 FROM trade")
  })

  it('refuses a placeholder that runs into the text after it (%s1 would be $11)', async () => {
    const error = await refused('SELECT %s1 FROM trade', { parameters: 'positional' })
    expect(error).toMatchObject({ code: 'sql_syntax_error', position: 8 })
  })

  it('refuses a placeholder glued to an identifier (x%s would be the identifier x$1)', async () => {
    const error = await refused('SELECT x%s FROM trade', { parameters: 'positional' })
    expect(error).toMatchObject({ code: 'sql_syntax_error', position: 9 })
  })

  it('regression: a placeholder name holding a quote or -- is one placeholder, not a string or a comment', async () => {
    const result = await accepted("SELECT %(it's)s, %(a--b)s, %(/*c)s, '%(x)s' FROM trade")
    expect(result.text).toBe("SELECT $1, $2, $3, '%(x)s' FROM trade")
    expect(result.placeholders.map((p) => p.name)).toEqual(["it's", 'a--b', '/*c'])
  })

  it('regression: an unterminated string is a syntax error with the lexer message and position', async () => {
    const sql = "SELECT %(a)s FROM trade WHERE side = 'buy"
    const error = await refused(sql)
    expect(error.code).toBe('sql_syntax_error')
    expect(error.message).toContain('unterminated quoted string')
    expect(error.position).toBe(positionOf(sql, "'buy"))
  })

  it('regression: an unterminated block comment is a syntax error', async () => {
    const error = await refused('SELECT 1 FROM trade /* no end')
    expect(error.code).toBe('sql_syntax_error')
    expect(error.message).toContain('unterminated /* comment')
  })
})

describe('positions map back to the original text', () => {
  it('maps a parser error after a placeholder that the rewrite shortened', async () => {
    const sql = 'SELECT %(a_rather_long_name)s, %(b)s FROM FROM trade'
    const error = await refused(sql)
    expect(error.code).toBe('sql_syntax_error')
    expect(error.position).toBe(positionOfLast(sql, 'FROM'))
  })

  it('counts multibyte characters as one character each (é is 2 bytes, 🚀 is 4 and 2 UTF-16 units)', async () => {
    const sql = "SELECT 'é🚀ü', %(name)s, '日本' FROM trade WHERE qty > %(q)s AND bogus_fn(qty) > 0"
    const error = await refused(sql)
    expect(error.code).toBe('function_not_allowed')
    expect(error.position).toBe(positionOf(sql, 'bogus_fn'))
  })

  it('maps a relation error after multibyte text and %% escapes', async () => {
    const sql = "SELECT '€%%', %(x)s FROM trade JOIN secret ON true"
    const error = await refused(sql)
    expect(error).toMatchObject({ code: 'relation_not_in_scope', position: positionOf(sql, 'secret') })
  })

  it('regression: the parser error cursor counts characters, not bytes (a syntax error after multibyte text)', async () => {
    const sql = "SELECT '🚀🚀', %(x)s FROM trade WHERE WHERE"
    const error = await refused(sql)
    expect(error).toMatchObject({ code: 'sql_syntax_error', position: positionOfLast(sql, 'WHERE') })
  })

  it('maps a database error position in the rewritten text back, a position inside $n to the placeholder', async () => {
    const sql = "SELECT 'é', %(first_value)s + 'x', %(b)s FROM trade"
    const result = await accepted(sql)
    expect(result.text).toBe("SELECT 'é', $1 + 'x', $2 FROM trade")
    // PostgreSQL counts characters in the text it received.
    const rewrittenPosition = (needle: string) => [...result.text.slice(0, result.text.indexOf(needle))].length + 1
    expect(result.positions.fromDatabasePosition(rewrittenPosition("'x'"))).toBe(positionOf(sql, "'x'"))
    expect(result.positions.fromDatabasePosition(rewrittenPosition('$1'))).toBe(positionOf(sql, '%(first_value)s'))
    expect(result.positions.fromDatabasePosition(rewrittenPosition('$1') + 1)).toBe(positionOf(sql, '%(first_value)s'))
    expect(result.positions.fromDatabasePosition(rewrittenPosition('FROM'))).toBe(positionOf(sql, 'FROM'))
  })
})
