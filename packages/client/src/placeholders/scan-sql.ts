import { OperationBuildError } from '../errors/operation-build-error.js'
import { isDigit, isDollarTagContinue, isIdentifierContinue, isIdentifierStart } from './characters.js'
import type { SqlToken, SqlTokenKind } from './sql-token.js'

const SQL_PATH = '/statement/sql'

/**
 * Splits PostgreSQL text into the regions that matter for placeholders, with
 * a hand-written scanner that follows PostgreSQL's own lexer: `'…'` strings
 * (quotes doubled), `E'…'` strings (backslash escapes), `"…"` identifiers,
 * `$tag$…$tag$` and `$$…$$` dollar quotes, `--` comments and nested
 * `/* … *\/` comments. `$n` outside all of those is a placeholder. A `$`
 * inside a word (`a$1`) belongs to the word, as in PostgreSQL.
 *
 * Adjacent `code` characters are merged into one token. The tokens cover the
 * text exactly: concatenating their slices gives `sql` back.
 *
 * @throws {OperationBuildError} `sql_syntax_error` at `/statement/sql` for an
 *   unterminated string, identifier, dollar quote or block comment, or for
 *   trailing junk after a parameter (`$1abc`).
 *
 * @example
 * ```ts
 * scanSql("SELECT $1 -- $2")
 * // [ { kind: 'code', start: 0, end: 7 },
 * //   { kind: 'placeholder', start: 7, end: 9, index: 1 },
 * //   { kind: 'code', start: 9, end: 10 },
 * //   { kind: 'line_comment', start: 10, end: 15 } ]
 * ```
 */
export function scanSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = []
  let codeStart = -1
  const flushCode = (end: number): void => {
    if (codeStart >= 0 && end > codeStart) tokens.push({ kind: 'code', start: codeStart, end })
    codeStart = -1
  }
  const push = (kind: SqlTokenKind, start: number, end: number, index?: number): number => {
    flushCode(start)
    tokens.push(index === undefined ? { kind, start, end } : { kind, start, end, index })
    return end
  }
  let i = 0
  while (i < sql.length) {
    const c = sql.charCodeAt(i)
    const next = sql.charCodeAt(i + 1)
    if (c === 0x27 /* ' */) {
      i = push('string', i, endOfQuoted(sql, i + 1, 0x27, false, 'string'))
    } else if (c === 0x22 /* " */) {
      i = push('quoted_identifier', i, endOfQuoted(sql, i + 1, 0x22, false, 'quoted identifier'))
    } else if ((c === 0x45 || c === 0x65) /* E e */ && next === 0x27 && !continuesWord(sql, i)) {
      i = push('escape_string', i, endOfQuoted(sql, i + 2, 0x27, true, 'E string'))
    } else if (isIdentifierStart(c)) {
      if (codeStart < 0) codeStart = i
      i = endOfWord(sql, i)
    } else if (c === 0x2d /* - */ && next === 0x2d) {
      i = push('line_comment', i, endOfLine(sql, i + 2))
    } else if (c === 0x2f /* / */ && next === 0x2a /* * */) {
      i = push('block_comment', i, endOfBlockComment(sql, i))
    } else if (c === 0x24 /* $ */ && isDigit(next)) {
      const end = endOfDigits(sql, i + 1)
      if (end < sql.length && isIdentifierStart(sql.charCodeAt(end))) {
        throw syntaxError(`trailing junk after parameter ${sql.slice(i, end)} at offset ${i}; put a space after it`)
      }
      i = push('placeholder', i, end, Number(sql.slice(i + 1, end)))
    } else if (c === 0x24 && (next === 0x24 || isIdentifierStart(next))) {
      const tagEnd = endOfDollarTag(sql, i + 1)
      if (tagEnd < sql.length && sql.charCodeAt(tagEnd) === 0x24) {
        i = push('dollar_quoted', i, endOfDollarQuote(sql, i, sql.slice(i, tagEnd + 1)))
      } else {
        if (codeStart < 0) codeStart = i
        i += 1
      }
    } else {
      if (codeStart < 0) codeStart = i
      i += isDigit(c) ? endOfDigits(sql, i) - i : 1
    }
  }
  flushCode(sql.length)
  return tokens
}

function syntaxError(message: string): OperationBuildError {
  return new OperationBuildError('sql_syntax_error', SQL_PATH, message)
}

/** True when the character at `i` continues a word, so `namE'x'` is no E string. */
function continuesWord(sql: string, i: number): boolean {
  return i > 0 && isIdentifierContinue(sql.charCodeAt(i - 1))
}

function endOfWord(sql: string, i: number): number {
  let j = i + 1
  while (j < sql.length && isIdentifierContinue(sql.charCodeAt(j))) j += 1
  return j
}

function endOfDigits(sql: string, i: number): number {
  let j = i
  while (j < sql.length && isDigit(sql.charCodeAt(j))) j += 1
  return j
}

function endOfDollarTag(sql: string, i: number): number {
  if (sql.charCodeAt(i) === 0x24) return i
  let j = i + 1
  while (j < sql.length && isDollarTagContinue(sql.charCodeAt(j))) j += 1
  return j
}

function endOfLine(sql: string, i: number): number {
  let j = i
  while (j < sql.length && sql[j] !== '\n' && sql[j] !== '\r') j += 1
  return j
}

/** Scans past a quoted region whose opening quote ends before `i`; a doubled quote stays inside. */
function endOfQuoted(sql: string, i: number, quote: number, backslashEscapes: boolean, what: string): number {
  let j = i
  while (j < sql.length) {
    const c = sql.charCodeAt(j)
    if (backslashEscapes && c === 0x5c /* \ */) j += 2
    else if (c !== quote) j += 1
    else if (sql.charCodeAt(j + 1) === quote) j += 2
    else return j + 1
  }
  throw syntaxError(`unterminated ${what} starting at offset ${i - 1}; close it`)
}

function endOfDollarQuote(sql: string, start: number, delimiter: string): number {
  const close = sql.indexOf(delimiter, start + delimiter.length)
  if (close < 0) throw syntaxError(`unterminated dollar quote ${delimiter} starting at offset ${start}; close it with ${delimiter}`)
  return close + delimiter.length
}

function endOfBlockComment(sql: string, start: number): number {
  let depth = 0
  let j = start
  while (j < sql.length) {
    if (sql[j] === '/' && sql[j + 1] === '*') {
      depth += 1
      j += 2
    } else if (sql[j] === '*' && sql[j + 1] === '/') {
      depth -= 1
      j += 2
      if (depth === 0) return j
    } else j += 1
  }
  throw syntaxError(`unterminated block comment starting at offset ${start}; close every /* with */`)
}
