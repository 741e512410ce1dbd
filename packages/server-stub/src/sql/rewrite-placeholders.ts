import type { Placeholder } from './analysis-types.js'
import { GuardError } from './guard-error.js'
import { literalRegions } from './literal-regions.js'
import type { Parsers, ScanToken } from './parsers.js'
import { PositionMap, type RewriteEdit } from './position-map.js'
import { lexPyformat, type PyformatItem } from './pyformat-lexer.js'
import { TextOffsets } from './text-offsets.js'

/** The statement as the database will receive it. */
export interface RewrittenSql {
  /** The SQL with `$n` parameters. */
  readonly text: string
  readonly offsets: TextOffsets
  /** One entry per `$n`, in `$n` order. */
  readonly placeholders: readonly Placeholder[]
  readonly positions: PositionMap
}

/** A placeholder name the scanner reads as an identifier or operator, never as the start of a literal or comment. */
const PLAIN_NAME = /^[\p{L}\p{N}_]+$/u

/**
 * Placeholder names are atomic to the protocol but not to PostgreSQL's
 * scanner: a name holding `'`, `"`, `--`, `/*` or `$` would open a literal.
 * Such names are masked with `x`s (same UTF-16 length, so indices stay put)
 * before the text is scanned.
 */
function maskNames(sql: string, items: readonly PyformatItem[]): string {
  let masked = ''
  let copied = 0
  for (const item of items) {
    if (item.kind !== 'named' || PLAIN_NAME.test(item.name)) continue
    masked += sql.slice(copied, item.start + 2) + 'x'.repeat(item.name.length)
    copied = item.end - 2
  }
  return copied === 0 ? sql : masked + sql.slice(copied)
}

/**
 * Lexes the pyformat SQL on the regions of PostgreSQL's scanner. Masking can
 * change the regions, which can change which `%(…)s` are placeholders, so
 * this repeats until the masked text stops changing (once, in practice).
 */
function findItems(parsers: Parsers, sql: string): PyformatItem[] {
  let masked = maskNames(sql, lexPyformat(sql, []))
  for (let pass = 0; pass < 4; pass++) {
    const items = lexPyformat(sql, literalRegions(parsers, masked))
    const next = maskNames(sql, items)
    if (next === masked) return items
    masked = next
  }
  throw new GuardError('sql_syntax_error', 'the placeholders cannot be told apart from the literals around them')
}

function checkStyle(items: readonly PyformatItem[], style: 'named' | 'positional'): void {
  const invalid = items.find((item) => item.kind === 'invalid')
  if (invalid !== undefined) {
    throw new GuardError(
      'sql_syntax_error',
      'a "%" outside a string starts no placeholder: write %(name)s or %s for a parameter and %% for a literal percent sign',
      { original: invalid.start },
    )
  }
  const named = items.find((item) => item.kind === 'named')
  const positional = items.find((item) => item.kind === 'positional')
  if (named !== undefined && positional !== undefined) {
    const later = named.start > positional.start ? named : positional
    throw new GuardError('parameter_style_mismatch', 'the SQL mixes %(name)s and %s placeholders', { original: later.start })
  }
  if (style === 'positional' && named !== undefined) {
    throw new GuardError('parameter_style_mismatch', 'the SQL uses %(name)s placeholders but statement.parameters is an array', {
      original: named.start,
    })
  }
  if (style === 'named' && positional !== undefined) {
    throw new GuardError('parameter_style_mismatch', 'the SQL uses %s placeholders but statement.parameters is an object', {
      original: positional.start,
    })
  }
}

/**
 * Rewrites pyformat to `$n`: `%(name)s` (the same name, the same `$n`) and
 * `%s` (each its own `$n`, named by its index) outside literals, and `%%` to
 * `%` everywhere. Then scans the result and demands that every `$n` it wrote
 * is a PARAM token where it was written, and that there is no other.
 *
 * @throws {GuardError} `sql_syntax_error` or `parameter_style_mismatch`.
 */
export function rewritePlaceholders(
  parsers: Parsers,
  sql: string,
  style: 'named' | 'positional',
  merged: ReadonlyMap<string, string> = new Map(),
): RewrittenSql {
  const items = findItems(parsers, sql)
  checkStyle(items, style)
  const original = new TextOffsets(sql)
  const numbers = new Map<string, number>()
  const firstStart: number[] = []
  const expected: { byte: number; text: string; originalStart: number }[] = []
  const edits: RewriteEdit[] = []
  let text = ''
  let bytes = 0
  let copied = 0
  for (const item of items) {
    const chunk = sql.slice(copied, item.start)
    text += chunk
    bytes += original.ascii ? chunk.length : Buffer.byteLength(chunk, 'utf8')
    let replacement = '%'
    if (item.kind !== 'percent') {
      const name = item.kind === 'named' ? (merged.get(item.name) ?? item.name) : String(firstStart.length)
      let number = numbers.get(name)
      if (number === undefined) {
        number = firstStart.length + 1
        numbers.set(name, number)
        firstStart.push(item.start)
      }
      replacement = `$${number}`
      expected.push({ byte: bytes, text: replacement, originalStart: item.start })
    }
    edits.push({
      originalStart: item.start,
      originalEnd: item.end,
      rewrittenStart: text.length,
      rewrittenEnd: text.length + replacement.length,
    })
    text += replacement
    bytes += replacement.length
    copied = item.end
  }
  text += sql.slice(copied)
  const offsets = new TextOffsets(text)
  const positions = new PositionMap(original, offsets, edits)
  verifyParameters(parsers, offsets, positions, expected)
  const placeholders = [...numbers].map(([name, number]) => ({
    name,
    number,
    position: original.positionOfIndex(firstStart[number - 1] ?? 0),
  }))
  return { text, offsets, placeholders, positions }
}

function verifyParameters(
  parsers: Parsers,
  offsets: TextOffsets,
  positions: PositionMap,
  expected: readonly { byte: number; text: string; originalStart: number }[],
): void {
  let tokens: readonly ScanToken[]
  try {
    tokens = parsers.scan(offsets.text)
  } catch {
    return // the parser reports the lexer's error, with its position mapped back
  }
  let next = 0
  for (const token of tokens) {
    if (token.tokenName !== 'PARAM') continue
    const want = expected[next]
    if (want === undefined || token.start < want.byte) {
      throw new GuardError(
        'parameter_style_mismatch',
        `the SQL contains ${token.text}: write %(name)s or %s placeholders, not $n parameters`,
        {
          original: positions.originalIndex(offsets.indexOfByte(token.start)),
        },
      )
    }
    if (token.start > want.byte || token.text !== want.text) break
    next++
  }
  const lost = expected[next]
  if (lost !== undefined) {
    throw new GuardError(
      'sql_syntax_error',
      'a placeholder stands where PostgreSQL cannot read a parameter: it runs into the text around it',
      {
        original: lost.originalStart,
      },
    )
  }
}

/**
 * Raw SQL, as run_query takes it: no placeholders, and `%` is PostgreSQL's
 * operator. The text goes to the parser unchanged.
 */
export function rawSql(sql: string): RewrittenSql {
  const offsets = new TextOffsets(sql)
  return { text: sql, offsets, placeholders: [], positions: new PositionMap(offsets, offsets, []) }
}
