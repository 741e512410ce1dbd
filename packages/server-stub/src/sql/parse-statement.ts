import { GuardError } from './guard-error.js'
import { parserErrorDetails, type Parsers } from './parsers.js'
import { TextOffsets } from './text-offsets.js'
import { unwrap, type NodeBody } from './tree-walker.js'

/** The one statement of a SQL text: its node type and fields. */
export interface ParsedStatement {
  readonly type: string
  readonly body: NodeBody
}

/**
 * Parses `$n` text with one grammar and returns its only statement.
 *
 * @throws {GuardError} `sql_syntax_error` (located at the parser's cursor) or `not_single_statement`.
 */
export function parseStatement(parsers: Parsers, grammar: 15 | 18, text: string, policyNote = ''): ParsedStatement {
  if (text.trim() === '') throw new GuardError('not_single_statement', 'the SQL holds no statement')
  let stmts
  try {
    stmts = parsers.parse(grammar, text).stmts
  } catch (error) {
    const { message, cursorCodePoint } = parserErrorDetails(error)
    throw new GuardError(
      'sql_syntax_error',
      message + policyNote,
      cursorCodePoint === undefined ? undefined : { rewrittenCodePoint: cursorCodePoint },
    )
  }
  if (stmts.length !== 1) {
    const second = stmts[1]
    throw new GuardError(
      'not_single_statement',
      stmts.length === 0 ? 'the SQL holds no statement' : `the SQL holds ${stmts.length} statements; send exactly one`,
      second === undefined ? undefined : { rewrittenByte: skipSpaces(text, second.stmt_location ?? 0) },
    )
  }
  const node = unwrap(stmts[0]?.stmt ?? {})
  if (node === undefined) throw new GuardError('not_single_statement', 'the SQL holds no statement')
  return node
}

/**
 * The byte offset of the first non-space at or after `byte`: grammars differ
 * in whether a statement's location includes the spaces after the `;`.
 * Spaces are ASCII, one byte each, so the walk stays on character boundaries.
 */
function skipSpaces(text: string, byte: number): number {
  let index = new TextOffsets(text).indexOfByte(byte)
  let at = byte
  while (index < text.length && ' \t\n\r\f\v'.includes(text.charAt(index))) {
    index++
    at++
  }
  return at
}

/**
 * The parse trees a statement must pass: its data source's grammar, and
 * PostgreSQL 15's, the policy everywhere, so that a PGlite (18) data source
 * refuses what the real PostgreSQL 15 service would (RETURNING OLD/NEW, ...).
 *
 * @throws {GuardError} as {@link parseStatement}.
 */
export function parseForPolicy(parsers: Parsers, grammar: 15 | 18, text: string): ParsedStatement[] {
  if (grammar === 15) return [parseStatement(parsers, 15, text)]
  // The data source's own grammar first, so that its message wins when both refuse.
  const own = parseStatement(parsers, 18, text)
  const policy = parseStatement(parsers, 15, text, ' (the service enforces the PostgreSQL 15 grammar)')
  return [policy, own]
}
