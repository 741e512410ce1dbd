/**
 * Characters a YAML double-quoted scalar must not carry literally (C1
 * controls, U+FFFE/U+FFFF, line and paragraph separators, lone surrogates).
 * `JSON.stringify` already escapes C0 controls; these it leaves as they are.
 */
const NOT_YAML = /[\u007f-\u009f\u2028\u2029\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** A JSON string literal is a YAML double-quoted scalar once the characters YAML refuses are escaped. */
function quote(text: string): string {
  return JSON.stringify(text).replace(NOT_YAML, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** Plain words a YAML 1.1 reader (PyYAML, for one) takes for booleans or null, even as keys. */
const RESERVED = /^(?:y|n|yes|no|on|off|true|false|null)$/i

function key(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !RESERVED.test(name) ? name : quote(name)
}

function scalar(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') return quote(value)
  // Non-finite numbers cannot come out of a JSON report; `null` keeps the document valid if one does.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null'
  if (typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return value.length === 0 ? '[]' : undefined
  if (typeof value === 'object') return Object.keys(value).length === 0 ? '{}' : undefined
  return quote(String(value))
}

function lines(value: unknown, indent: string): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item: unknown) => {
      const inline = scalar(item)
      if (inline !== undefined) return [`${indent}- ${inline}`]
      // A nested collection starts on the dash's line, indented one level deeper.
      const [first = '', ...rest] = lines(item, `${indent}  `)
      return [`${indent}- ${first.slice(indent.length + 2)}`, ...rest]
    })
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([name, item]) => {
    const inline = scalar(item)
    return inline !== undefined ? [`${indent}${key(name)}: ${inline}`] : [`${indent}${key(name)}:`, ...lines(item, `${indent}  `)]
  })
}

/**
 * A JSON object as block-style YAML lines, each prefixed with `indent`
 * (the form TAP's diagnostic blocks take). Every string is double-quoted, so
 * that no value is read back as another type.
 */
export function toYamlLines(value: Readonly<Record<string, unknown>>, indent = ''): string[] {
  return lines(value, indent)
}
