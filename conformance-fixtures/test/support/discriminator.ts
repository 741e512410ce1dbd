import { isJsonObject, type JsonObject } from './json.js'
import type { SchemaNode, SchemaRegistry } from './schema-registry.js'

/** What a `discriminator` makes of an object: no tag, a tag no branch admits, or the branch it selects. */
export type Selection =
  | { readonly kind: 'missing'; readonly propertyName: string }
  | { readonly kind: 'unknown'; readonly propertyName: string }
  | { readonly kind: 'branch'; readonly propertyName: string; readonly branch: SchemaNode }

function deref(registry: SchemaRegistry, node: SchemaNode): SchemaNode {
  let target = node
  while (typeof target.schema['$ref'] === 'string') target = registry.resolve(target, target.schema['$ref'])
  return target
}

/**
 * Picks the `oneOf` branch of `node` whose tag property admits the object's
 * tag, by `const` or `enum`, as OpenAPI discriminators and Ajv's
 * `discriminator` option do. Tags are strings: any other value selects nothing.
 */
export function selectBranch(registry: SchemaRegistry, node: SchemaNode, value: JsonObject): Selection {
  const discriminator = node.schema['discriminator']
  const branches = node.schema['oneOf']
  if (!isJsonObject(discriminator) || typeof discriminator['propertyName'] !== 'string' || !Array.isArray(branches)) {
    throw new Error(`malformed discriminator at ${node.file}#${node.pointer}`)
  }
  const propertyName = discriminator['propertyName']
  const tag = value[propertyName]
  if (tag === undefined) return { kind: 'missing', propertyName }
  for (let index = 0; index < branches.length; index++) {
    const branch = registry.child(node, 'oneOf', String(index))
    const target = deref(registry, branch)
    const properties = target.schema['properties']
    if (typeof tag !== 'string' || !isJsonObject(properties) || !isJsonObject(properties[propertyName])) continue
    const { const: only, enum: allowed } = deref(registry, registry.child(target, 'properties', propertyName)).schema
    if (only === tag || (Array.isArray(allowed) && allowed.includes(tag))) return { kind: 'branch', propertyName, branch }
  }
  return { kind: 'unknown', propertyName }
}
