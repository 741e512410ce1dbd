import { GuardError, atByte } from './guard-error.js'
import { NODE_SHAPES } from './node-shapes.js'

/** A parse-tree node's fields. */
export type NodeBody = Readonly<Record<string, unknown>>

/** Called for each child node: its type and its fields. */
export type Visit = (type: string, body: NodeBody) => void

const isObject = (value: unknown): value is NodeBody => typeof value === 'object' && value !== null && !Array.isArray(value)

function unsupported(type: string, body: NodeBody | undefined, what: string): GuardError {
  return new GuardError('unsupported_syntax', `the SQL checker does not know ${what}`, atByte(body?.['location']), { node: type })
}

/**
 * Opens a wrapped node `{Type: {...}}`: its type and fields, or `undefined`
 * for NIL (`{}`, which the parser writes in `DISTINCT` and function lists).
 *
 * @throws {GuardError} `unsupported_syntax` for anything else.
 */
export function unwrap(value: unknown): { type: string; body: NodeBody } | undefined {
  if (!isObject(value)) throw unsupported('?', undefined, 'a parse-tree value that is not a node')
  let found: { type: string; body: NodeBody } | undefined
  for (const type in value) {
    const body = value[type]
    if (found !== undefined || !isObject(body)) throw unsupported(type, undefined, `the shape of a ${type} node`)
    found = { type, body }
  }
  return found
}

/** Visits a wrapped node unless it is NIL. */
export function visitWrapped(value: unknown, visit: Visit): void {
  const node = unwrap(value)
  if (node !== undefined) visit(node.type, node.body)
}

/**
 * Visits every child of a node, as {@link NODE_SHAPES} says its fields hold
 * them, except the fields in `skip` (which the caller handles itself).
 * Fail-closed: an unknown node type, an unknown field, or a value of the
 * wrong shape is refused rather than skipped.
 *
 * @throws {GuardError} `unsupported_syntax`.
 */
export function forEachChild(type: string, body: NodeBody, visit: Visit, skip?: ReadonlySet<string>): void {
  const shape = NODE_SHAPES[type]
  if (shape === undefined) throw unsupported(type, body, `${type} nodes`)
  for (const field in body) {
    const fieldShape = shape[field]
    if (fieldShape === undefined) throw unsupported(type, body, `the field ${type}.${field}`)
    if (skip?.has(field) === true) continue
    const value = body[field]
    if (fieldShape === 'scalar') {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        throw unsupported(type, body, `a non-scalar ${type}.${field}`)
      }
    } else if (fieldShape === 'node') {
      visitWrapped(value, visit)
    } else if (fieldShape === 'list') {
      if (!Array.isArray(value)) throw unsupported(type, body, `a non-list ${type}.${field}`)
      for (const item of value) visitWrapped(item, visit)
    } else {
      if (!isObject(value)) throw unsupported(type, body, `a non-struct ${type}.${field}`)
      visit(fieldShape.struct, value)
    }
  }
}

/** The `sval`s of a list of `String` nodes (names, operator symbols). `undefined` when any item is not a String. */
export function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined
  const names: string[] = []
  for (const item of value) {
    const node = isObject(item) ? item['String'] : undefined
    if (!isObject(node)) return undefined
    const sval = node['sval'] ?? '' // protobuf JSON omits an empty string
    if (typeof sval !== 'string') return undefined
    names.push(sval)
  }
  return names
}
