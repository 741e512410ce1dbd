import { GuardError } from './guard-error.js'
import { parserErrorDetails, type Parsers, type ScanToken } from './parsers.js'
import { lexPyformat } from './pyformat-lexer.js'
import { TextOffsets } from './text-offsets.js'

/** Whether a scanner token is text PostgreSQL never reads as SQL: a string constant of any kind, a quoted identifier or a comment. */
function isLiteralToken(token: ScanToken): boolean {
  const text = token.text
  const first = text.charCodeAt(0)
  if (first === 0x27 /* ' */ || first === 0x22 /* " */) return true
  if (first === 0x24 /* $ */) return token.tokenName !== 'PARAM' // $tag$...$tag$, not $1
  if (text.startsWith('--') || text.startsWith('/*')) return true
  const second = text.charCodeAt(1)
  if (second === 0x27 && 'EeBbXxNn'.includes(text.charAt(0))) return true // E'..', B'..', X'..'
  return (first === 0x55 || first === 0x75) /* U u */ && second === 0x26 /* & */ && (text.charAt(2) === "'" || text.charAt(2) === '"')
}

/**
 * The literal regions of `text` as sorted `[start, end)` UTF-16 index pairs,
 * found with PostgreSQL's own scanner.
 *
 * @throws {GuardError} `sql_syntax_error` when the scanner rejects the text
 *   (an unterminated string or comment); `original` is the text positions refer to.
 */
export function literalRegions(parsers: Parsers, text: string): number[] {
  let tokens: readonly ScanToken[]
  try {
    tokens = parsers.scan(text)
  } catch {
    throw scanFailure(parsers, text)
  }
  const offsets = new TextOffsets(text)
  const regions: number[] = []
  for (const token of tokens) {
    if (isLiteralToken(token)) regions.push(offsets.indexOfByte(token.start), offsets.indexOfByte(token.end))
  }
  return regions
}

/**
 * The scanner's own error text is lost on the way out of the WASM module, so
 * the parser, which runs the same lexer, is asked again for the message and
 * the offset. The text it gets has every placeholder replaced by a `0` of
 * the same length, so that pyformat cannot trip the grammar before the lexer
 * reaches the real fault.
 */
function scanFailure(parsers: Parsers, text: string): GuardError {
  let blanked = ''
  let copied = 0
  for (const item of lexPyformat(text, [])) {
    if (item.kind !== 'named' && item.kind !== 'positional') continue
    blanked += text.slice(copied, item.start) + '0' + ' '.repeat(item.end - item.start - 1)
    copied = item.end
  }
  blanked += text.slice(copied)
  try {
    parsers.parse(18, blanked)
  } catch (error) {
    const { message, cursorCodePoint } = parserErrorDetails(error)
    const at = cursorCodePoint === undefined ? undefined : { original: new TextOffsets(blanked).indexOfPosition(cursorCodePoint + 1) }
    return new GuardError('sql_syntax_error', message, at)
  }
  return new GuardError('sql_syntax_error', "PostgreSQL's scanner rejects the SQL")
}
