import { isIdentifierContinue, isIdentifierStart } from '../placeholders/characters.js'
import { scanSql } from '../placeholders/scan-sql.js'

/** Keywords after which PostgreSQL reads a relation name. */
const RELATION_KEYWORDS = new Set(['from', 'join', 'into', 'update', 'using', 'table'])

/**
 * Whether raw SQL text (a `sql` fragment inside a builder query) may name a
 * table the builder cannot see: true when a FROM, JOIN, INTO, UPDATE, USING
 * or TABLE keyword appears outside strings, quoted identifiers, dollar quotes
 * and comments, and also when the text does not lex on its own (a quote
 * that a placeholder splits), since then nothing can be told. Conservative:
 * `extract(year from x)` counts too, and the caller then asks for an
 * explicit scope rather than guess.
 *
 * @example
 * ```ts
 * rawTextMayNameTables('count(*)') // false
 * rawTextMayNameTables("exists (select 1 from trade where note = 'from')") // true
 * rawTextMayNameTables("'from'") // false
 * ```
 */
export function rawTextMayNameTables(text: string): boolean {
  // Most fragments (`count(*)`, ` = `) hold none of the keywords anywhere: no need to lex them.
  const lower = text.toLowerCase()
  let anywhere = false
  for (const keyword of RELATION_KEYWORDS) anywhere ||= lower.includes(keyword)
  if (!anywhere) return false
  let tokens
  try {
    tokens = scanSql(text)
  } catch {
    return true
  }
  for (const token of tokens) {
    if (token.kind === 'code' && codeNamesRelation(text, token.start, token.end)) return true
  }
  return false
}

function codeNamesRelation(text: string, start: number, end: number): boolean {
  let i = start
  while (i < end) {
    if (!isIdentifierStart(text.charCodeAt(i))) {
      i += 1
      continue
    }
    let j = i + 1
    while (j < end && isIdentifierContinue(text.charCodeAt(j))) j += 1
    if (RELATION_KEYWORDS.has(text.slice(i, j).toLowerCase())) return true
    i = j
  }
  return false
}

/**
 * A short excerpt of raw SQL for messages.
 *
 * @example
 * ```ts
 * excerpt('select 1 from a_very_long_table_name …') // at most 60 characters
 * ```
 */
export function excerpt(text: string): string {
  const trimmed = text.trim()
  return trimmed.length <= 60 ? trimmed : `${trimmed.slice(0, 57)}...`
}
