import type { JsonSchema } from '../../scripts/schema-files.js'
import type { JsonPath } from './json-path.js'
import { resolveRef, rootNodeOf, type SchemaNode, type WireDocument } from './schemas.js'

/** The JSON Schema type names. */
export type JsonTypeName = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object'

const ALL_TYPES: readonly JsonTypeName[] = ['null', 'boolean', 'integer', 'number', 'string', 'array', 'object']

/**
 * One place in a document, with the schemas that apply there: the walker's
 * answer to "what may this value be?". Mutation operators read these
 * constraints to know which edits to try at each path.
 */
export interface Site {
  readonly path: JsonPath
  readonly value: unknown
  /** Every applicable schema, `$ref`s followed and the selected `oneOf` branch included. */
  readonly nodes: readonly SchemaNode[]
  /** The types the schemas allow here (all of them when none says). */
  readonly types: readonly JsonTypeName[]
  /** `enum` and `const` values that apply here. */
  readonly allowedValues: readonly unknown[] | undefined
  readonly minimum: number | undefined
  readonly maximum: number | undefined
  readonly minLength: number | undefined
  readonly pattern: string | undefined
  readonly required: readonly string[]
  /** Declared properties and their schemas (for adding a missing one). */
  readonly properties: ReadonlyMap<string, SchemaNode>
  /** Whether names outside `properties` are allowed, and the schema of their values. */
  readonly additional: SchemaNode | false | undefined
  /** The schema object keys must satisfy, when there is one. */
  readonly propertyNames: SchemaNode | undefined
}

function child(node: SchemaNode, schema: unknown): SchemaNode | undefined {
  return schema !== null && typeof schema === 'object' ? { schema: schema as JsonSchema, base: node.base } : undefined
}

/** The values a discriminated branch allows for the discriminator property. */
function branchTagValues(branch: SchemaNode, tag: string): unknown[] {
  const values: unknown[] = []
  for (const node of expand(branch, undefined)) {
    const property = child(node, (node.schema.properties as Record<string, unknown> | undefined)?.[tag])
    if (property === undefined) continue
    if ('const' in property.schema) values.push(property.schema.const)
    if (Array.isArray(property.schema.enum)) values.push(...(property.schema.enum as unknown[]))
  }
  return values
}

/**
 * A schema and everything it pulls in for `value`: `$ref` targets, `allOf`, and
 * the `oneOf`/`anyOf` branches that apply (the one a `discriminator` selects,
 * or all of them when there is no discriminator).
 */
export function expand(node: SchemaNode, value: unknown): SchemaNode[] {
  const out: SchemaNode[] = [node]
  const { schema } = node
  if (typeof schema.$ref === 'string') out.push(...expand(resolveRef(schema.$ref, node.base), value))
  for (const sub of (schema.allOf as unknown[] | undefined) ?? []) out.push(...expand(child(node, sub)!, value))
  const branches = [...((schema.oneOf as unknown[] | undefined) ?? []), ...((schema.anyOf as unknown[] | undefined) ?? [])]
    .map((sub) => child(node, sub)!)
  const tag = (schema.discriminator as { propertyName?: string } | undefined)?.propertyName
  const tagValue = tag !== undefined && value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[tag] : undefined
  for (const branch of branches) {
    if (tag !== undefined && value !== undefined && !branchTagValues(branch, tag).includes(tagValue)) continue
    out.push(...expand(branch, value))
  }
  return out
}

function typesOf(nodes: readonly SchemaNode[]): JsonTypeName[] {
  let types: JsonTypeName[] = [...ALL_TYPES]
  for (const { schema } of nodes) {
    if (schema.type === undefined) continue
    const allowed = (Array.isArray(schema.type) ? schema.type : [schema.type]) as JsonTypeName[]
    // `number` admits integers too.
    types = types.filter((type) => allowed.includes(type) || (type === 'integer' && allowed.includes('number')))
  }
  return types
}

function first<T>(nodes: readonly SchemaNode[], read: (schema: JsonSchema) => T | undefined): T | undefined {
  for (const { schema } of nodes) {
    const value = read(schema)
    if (value !== undefined) return value
  }
  return undefined
}

function siteOf(path: JsonPath, value: unknown, nodes: readonly SchemaNode[]): Site {
  const properties = new Map<string, SchemaNode>()
  let additional: SchemaNode | false | undefined
  const allowedValues: unknown[] = []
  let constrained = false
  for (const node of nodes) {
    const { schema } = node
    for (const [name, sub] of Object.entries((schema.properties as Record<string, unknown> | undefined) ?? {})) {
      if (!properties.has(name)) properties.set(name, child(node, sub)!)
    }
    if (schema.additionalProperties === false) additional = false
    else if (additional === undefined) additional = child(node, schema.additionalProperties)
    if ('const' in schema) (constrained = true), allowedValues.push(schema.const)
    if (Array.isArray(schema.enum)) (constrained = true), allowedValues.push(...(schema.enum as unknown[]))
  }
  return {
    path,
    value,
    nodes,
    types: typesOf(nodes),
    allowedValues: constrained ? allowedValues : undefined,
    minimum: first(nodes, (s) => (typeof s.minimum === 'number' ? s.minimum : undefined)),
    maximum: first(nodes, (s) => (typeof s.maximum === 'number' ? s.maximum : undefined)),
    minLength: first(nodes, (s) => (typeof s.minLength === 'number' ? s.minLength : undefined)),
    pattern: first(nodes, (s) => (typeof s.pattern === 'string' ? s.pattern : undefined)),
    required: nodes.flatMap(({ schema }) => (schema.required as string[] | undefined) ?? []),
    properties,
    additional,
    propertyNames: nodes.map((node) => child(node, node.schema.propertyNames)).find((node) => node !== undefined),
  }
}

/** The schema nodes of the value under `key` of an object whose schemas are `nodes`. */
function propertyNodes(nodes: readonly SchemaNode[], key: string): SchemaNode[] {
  const out: SchemaNode[] = []
  for (const node of nodes) {
    const properties = node.schema.properties as Record<string, unknown> | undefined
    if (properties !== undefined && Object.hasOwn(properties, key)) out.push(child(node, properties[key])!)
    else {
      const additional = child(node, node.schema.additionalProperties)
      if (additional !== undefined) out.push(additional)
    }
  }
  return out
}

/** The schema nodes of an array's items. */
function itemNodes(nodes: readonly SchemaNode[]): SchemaNode[] {
  return nodes.map((node) => child(node, node.schema.items)).filter((node) => node !== undefined)
}

/**
 * Walks a document alongside its schema and lists every site, root first, in
 * document order, with the constraints that apply there.
 */
export function walk(document: WireDocument, value: unknown): Site[] {
  const sites: Site[] = []
  const visit = (path: JsonPath, current: unknown, declared: readonly SchemaNode[]) => {
    const nodes = declared.flatMap((node) => expand(node, current))
    sites.push(siteOf(path, current, nodes))
    if (Array.isArray(current)) {
      const items = itemNodes(nodes)
      current.forEach((item, index) => visit([...path, index], item, items))
    } else if (current !== null && typeof current === 'object') {
      for (const key of Object.keys(current)) visit([...path, key], (current as Record<string, unknown>)[key], propertyNodes(nodes, key))
    }
  }
  visit([], value, [rootNodeOf(document)])
  return sites
}
