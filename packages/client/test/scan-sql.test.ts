import { describe, expect, it } from 'vitest'
import { OperationBuildError, scanSql, type SqlTokenKind } from '../src/index.js'

function regions(sql: string): [SqlTokenKind, string][] {
  return scanSql(sql).map((token) => [token.kind, sql.slice(token.start, token.end)])
}

describe('scanSql', () => {
  const cases: [string, string, [SqlTokenKind, string][]][] = [
    ['placeholders in code', 'SELECT $1, $23', [['code', 'SELECT '], ['placeholder', '$1'], ['code', ', '], ['placeholder', '$23']]],
    ['a doubled quote stays inside a string', "'it''s $1' $2", [['string', "'it''s $1'"], ['code', ' '], ['placeholder', '$2']]],
    ['a backslash does not end a standard string', "'a\\' $1", [['string', "'a\\'"], ['code', ' '], ['placeholder', '$1']]],
    ['a backslash escapes a quote in an E string', "E'a\\' $1' $2", [['escape_string', "E'a\\' $1'"], ['code', ' '], ['placeholder', '$2']]],
    ['a lowercase e string', "e'\\\\' $1", [['escape_string', "e'\\\\'"], ['code', ' '], ['placeholder', '$1']]],
    ['a word ending in e is no E string', "name'x' $1", [['code', 'name'], ['string', "'x'"], ['code', ' '], ['placeholder', '$1']]],
    ['a quoted identifier with a doubled quote', '"a""$1" $1', [['quoted_identifier', '"a""$1"'], ['code', ' '], ['placeholder', '$1']]],
    ['an empty dollar quote', '$$ $1 $$ $1', [['dollar_quoted', '$$ $1 $$'], ['code', ' '], ['placeholder', '$1']]],
    ['a tagged dollar quote holds other tags', '$a$ $b$ $1 $a$$1', [['dollar_quoted', '$a$ $b$ $1 $a$'], ['placeholder', '$1']]],
    ['a line comment ends at a newline', '-- $1\n$2', [['line_comment', '-- $1'], ['code', '\n'], ['placeholder', '$2']]],
    ['block comments nest', '/* a /* $1 */ $2 */ $3', [['block_comment', '/* a /* $1 */ $2 */'], ['code', ' '], ['placeholder', '$3']]],
    ['a $ inside a word belongs to the word', 'a$1 + $1', [['code', 'a$1 + '], ['placeholder', '$1']]],
    ['a lone $ is code', 'SELECT $ + $1', [['code', 'SELECT $ + '], ['placeholder', '$1']]],
    ['a minus is not a comment', 'a - $1', [['code', 'a - '], ['placeholder', '$1']]],
  ]
  it.each(cases)('%s', (_name, sql, expected) => {
    expect(regions(sql)).toEqual(expected)
  })

  it('reports the parameter number of each placeholder', () => {
    expect(scanSql('$12 $3').filter((t) => t.kind === 'placeholder').map((t) => t.index)).toEqual([12, 3])
  })

  const unterminated: [string, string][] = [
    ['string', "SELECT 'abc"],
    ['E string', "SELECT E'abc\\'"],
    ['quoted identifier', 'SELECT "abc'],
    ['dollar quote', 'SELECT $x$ abc $y$'],
    ['block comment', 'SELECT /* /* */'],
    ['trailing junk', 'SELECT $1abc'],
  ]
  it.each(unterminated)('rejects an unterminated or malformed %s', (_name, sql) => {
    let caught: unknown
    try {
      scanSql(sql)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(OperationBuildError)
    expect((caught as OperationBuildError).code).toBe('sql_syntax_error')
    expect((caught as OperationBuildError).path).toBe('/statement/sql')
  })
})
