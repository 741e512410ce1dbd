/** A JSON number kept as the digits it was written with (JSON.parse would round integers beyond 2^53). */
export class JsonNumber {
  constructor(readonly text: string) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
// A control character cannot appear raw in a JSON string, so the marker cannot collide with a real one.
const MARKER = '\u0000number:'

/**
 * Parses JSON text with every number as a {@link JsonNumber} holding its
 * exact text: numbers outside strings are rewritten to marked strings, then
 * revived. For comparing the corpus's digits with the fixtures' exactly.
 */
export function parseWithNumbers(text: string): unknown {
  let out = ''
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string
    if (inString) {
      out += char
      if (char === '\\') out += text[++i] ?? ''
      else if (char === '"') inString = false
      continue
    }
    if (char === '"') inString = true
    NUMBER.lastIndex = i
    const match = char === '-' || (char >= '0' && char <= '9') ? NUMBER.exec(text) : null
    if (match === null) {
      out += char
      continue
    }
    out += JSON.stringify(MARKER + match[0])
    i += match[0].length - 1
  }
  return JSON.parse(out, (_, value: unknown) => (typeof value === 'string' && value.startsWith(MARKER) ? new JsonNumber(value.slice(MARKER.length)) : value))
}
