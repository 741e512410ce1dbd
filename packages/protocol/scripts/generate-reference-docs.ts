import type { JsonSchema, SchemaFile } from './schema-files.js'

const BEGIN = '<!-- BEGIN GENERATED REFERENCE: packages/protocol/scripts/generate.ts -->'
const END = '<!-- END GENERATED REFERENCE -->'

/** The documents the reference describes, in reading order. */
const REFERENCE_ORDER = [
  'operation',
  'type-token',
  'parameter-value',
  'operation-result',
  'error-response',
  'error-code',
  'run-query-request',
  'run-query-response',
]

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

function typeOf(schema: JsonSchema): string {
  if (typeof schema.$ref === 'string') {
    const ref = schema.$ref
    if (ref.startsWith('#/$defs/')) {
      const name = ref.slice('#/$defs/'.length)
      return `[${name}](#${anchor(name)})`
    }
    return ref === '#' ? 'itself' : `\`${ref}\``
  }
  if ('const' in schema) return `\`${JSON.stringify(schema.const)}\``
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ')
  const type = schema.type
  if (Array.isArray(type)) return type.join(' \\| ')
  if (type === 'array' && schema.items !== undefined) return `array of ${typeOf(schema.items as JsonSchema)}`
  return typeof type === 'string' ? type : 'any JSON value'
}

function constraints(schema: JsonSchema): string {
  const parts: string[] = []
  const keywords: Array<[string, string]> = [
    ['minimum', '≥'],
    ['maximum', '≤'],
    ['minLength', 'min length'],
    ['minItems', 'min items'],
    ['pattern', 'pattern'],
  ]
  for (const [keyword, label] of keywords) {
    if (schema[keyword] !== undefined) parts.push(`${label} \`${String(schema[keyword])}\``)
  }
  if (schema['x-error-code'] !== undefined) parts.push(`error \`${String(schema['x-error-code'])}\``)
  return parts.join(', ')
}

function anchor(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9-]/g, '')
}

function objectTable(schema: JsonSchema): string {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>
  const required = new Set((schema.required ?? []) as string[])
  const rows = Object.entries(properties).map(([name, property]) => {
    const description = (property.description as string | undefined) ?? '(see the type)'
    const fallback = property.default === undefined ? '' : `\`${JSON.stringify(property.default)}\``
    return `| \`${name}\` | ${typeOf(property)} | ${required.has(name) ? 'yes' : 'no'} | ${fallback} | ${cell(constraints(property))} | ${cell(description)} |`
  })
  return ['| field | type | required | default | constraints | description |', '|---|---|---|---|---|---|', ...rows].join('\n')
}

function section(level: string, name: string, schema: JsonSchema): string {
  const lines = [`${level} ${name}`, '', (schema.description as string | undefined) ?? '', '']
  if (schema.type === 'object' && schema.properties !== undefined) {
    lines.push(objectTable(schema), '')
  } else if (schema['x-codes'] !== undefined) {
    lines.push('| code | HTTP status | kind | retryable | meaning |', '|---|---|---|---|---|')
    for (const [code, info] of Object.entries(schema['x-codes'] as Record<string, JsonSchema>)) {
      lines.push(
        `| \`${code}\` | ${String(info.status)} | \`${String(info.kind)}\` | ${info.retryable === true ? 'yes' : 'no'} | ${cell(String(info.description))} |`,
      )
    }
    lines.push('')
  } else if (Array.isArray(schema.oneOf)) {
    lines.push(`One of: ${(schema.oneOf as JsonSchema[]).map(typeOf).join(', ')}.`, '')
  } else if (schema['x-token-descriptions'] !== undefined) {
    lines.push('| token | encoding |', '|---|---|')
    for (const [token, description] of Object.entries(schema['x-token-descriptions'] as Record<string, string>)) {
      lines.push(`| \`${token}\` | ${cell(description)} |`)
    }
    lines.push('')
  } else {
    lines.push(`Type: ${typeOf(schema)}${constraints(schema) ? `; ${constraints(schema)}` : ''}.`, '')
  }
  return lines.join('\n')
}

/**
 * Renders the reference section of `docs/protocol/compiled-sql.v1.md` from the
 * schemas and splices it between the generated-reference markers.
 */
export function generateReferenceDocs(files: readonly SchemaFile[], current: string): string {
  const begin = current.indexOf(BEGIN)
  const end = current.indexOf(END)
  if (begin < 0 || end < begin) throw new Error(`docs/protocol/compiled-sql.v1.md must contain the markers ${BEGIN} and ${END}`)
  const parts: string[] = []
  for (const name of REFERENCE_ORDER) {
    const file = files.find((f) => f.name === name)
    if (file === undefined) throw new Error(`no schema ${name}`)
    parts.push(section('###', `${String(file.schema.title)} (\`${file.fileName}\`)`, file.schema))
    const defs = (file.schema.$defs ?? {}) as Record<string, JsonSchema>
    for (const [defName, def] of Object.entries(defs)) parts.push(section('####', defName, def))
  }
  return current.slice(0, begin + BEGIN.length) + '\n\n' + parts.join('\n').trimEnd() + '\n\n' + current.slice(end)
}
