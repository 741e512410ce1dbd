/** A parsed PostgreSQL array: each element is its text output, or `null` for NULL; sub-arrays nest. */
export type ArrayText = (string | null | ArrayText)[]

/**
 * Reads PostgreSQL's text output of an array (`array_out`): `{1,NULL,"a b"}`,
 * `{{1,2},{3,4}}`, `{}`, and `[0:1]={7,8}` (explicit bounds are dropped: JSON
 * arrays start at 0 anyway). Quoted elements may hold backslash escapes; an
 * unquoted `NULL` is SQL NULL while `"NULL"` is the string. `delimiter` is the
 * element type's (`,` for all but `box`).
 *
 * @returns `undefined` when the text is not an array literal (`int2vector`
 * prints `1 2 3`), so that the caller can keep the text.
 */
export function parseArrayLiteral(text: string, delimiter = ','): ArrayText | undefined {
  let start = 0
  if (text.startsWith('[')) {
    start = text.indexOf('=') + 1
    if (start === 0) return undefined
  }
  if (text[start] !== '{') return undefined
  let index = start

  function parseArray(): ArrayText {
    index++ // '{'
    const items: ArrayText = []
    if (text[index] === '}') {
      index++
      return items
    }
    for (;;) {
      items.push(parseElement())
      const next = text[index++]
      if (next === '}') return items
      if (next !== delimiter) throw new SyntaxError(`unexpected ${String(next)} in array literal`)
    }
  }

  function parseElement(): string | null | ArrayText {
    const first = text[index]
    if (first === '{') return parseArray()
    if (first === '"') {
      let value = ''
      index++
      for (;;) {
        const ch = text[index++]
        if (ch === undefined) throw new SyntaxError('unterminated quoted array element')
        if (ch === '"') return value
        value += ch === '\\' ? text[index++] ?? '' : ch
      }
    }
    let end = index
    while (end < text.length && text[end] !== delimiter && text[end] !== '}') end++
    const raw = text.slice(index, end)
    index = end
    return raw === 'NULL' ? null : raw
  }

  try {
    const result = parseArray()
    return index === text.length ? result : undefined
  } catch {
    return undefined
  }
}
