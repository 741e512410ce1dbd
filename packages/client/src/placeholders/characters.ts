// Character classes of PostgreSQL's scanner (src/backend/parser/scan.l). Bytes
// at or above 0x80 count as letters there, so any non-ASCII code unit does here.

/** `ident_start`: a letter, `_`, or a non-ASCII character. */
export function isIdentifierStart(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f || code >= 0x80
}

/** `dolq_cont`: what may follow the first character of a dollar-quote tag. */
export function isDollarTagContinue(code: number): boolean {
  return isIdentifierStart(code) || isDigit(code)
}

/** `ident_cont`: identifiers may contain `$` after their first character (`a$1` is one word). */
export function isIdentifierContinue(code: number): boolean {
  return isDollarTagContinue(code) || code === 0x24
}

/** An ASCII decimal digit. */
export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39
}
