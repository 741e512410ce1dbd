/** One `%` sequence of a pyformat SQL text, by UTF-16 indices `[start, end)`. */
export type PyformatItem =
  | { readonly kind: 'named'; readonly start: number; readonly end: number; readonly name: string }
  | { readonly kind: 'positional'; readonly start: number; readonly end: number }
  /** `%%`, which stands for one `%` everywhere (psycopg doubles every `%` it emits). */
  | { readonly kind: 'percent'; readonly start: number; readonly end: number }
  /** A `%` outside literals that starts no placeholder: `% 2`, `%d`, `%(x)d`. */
  | { readonly kind: 'invalid'; readonly start: number; readonly end: number }

/**
 * Finds the `%` sequences of `text`, given its literal regions (string
 * constants, quoted identifiers, comments) as sorted `[start, end)` pairs.
 * Inside a literal only `%%` means something; a placeholder there is text.
 * No regular expression runs over the SQL: the regions come from
 * PostgreSQL's scanner, and this only reads what follows each `%`.
 */
export function lexPyformat(text: string, regions: readonly number[]): PyformatItem[] {
  const items: PyformatItem[] = []
  let region = 0
  for (let i = text.indexOf('%'); i !== -1; i = text.indexOf('%', i)) {
    while (region < regions.length && (regions[region + 1] ?? 0) <= i) region += 2
    const inside = region < regions.length && (regions[region] ?? Infinity) <= i
    const next = text.charCodeAt(i + 1)
    if (next === 0x25 /* % */) {
      items.push({ kind: 'percent', start: i, end: i + 2 })
      i += 2
    } else if (inside) {
      i += 1
    } else if (next === 0x73 /* s */) {
      items.push({ kind: 'positional', start: i, end: i + 2 })
      i += 2
    } else if (next === 0x28 /* ( */) {
      const close = text.indexOf(')', i + 2)
      if (close > i + 2 && text.charCodeAt(close + 1) === 0x73 /* s */) {
        items.push({ kind: 'named', start: i, end: close + 2, name: text.slice(i + 2, close) })
        i = close + 2
      } else {
        items.push({ kind: 'invalid', start: i, end: close === -1 ? i + 2 : close + 2 })
        i += 1
      }
    } else {
      items.push({ kind: 'invalid', start: i, end: i + 1 })
      i += 1
    }
  }
  return items
}
