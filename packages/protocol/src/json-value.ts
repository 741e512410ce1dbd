import { appendPointer } from './json-pointer.js'

/** Where a value stops being a JSON value, and why. */
export interface NonJsonValue {
  readonly instancePath: string
  readonly message: string
}

function describe(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined
    case 'number':
      return Number.isFinite(value) ? undefined : `${String(value)} is not a JSON number`
    case 'object':
      if (value === null) return undefined
      if (Array.isArray(value)) {
        return Object.getPrototypeOf(value) === Array.prototype ? undefined : 'an array subclass is not a JSON array'
      }
      {
        const prototype: unknown = Object.getPrototypeOf(value)
        if (prototype === Object.prototype || prototype === null) return undefined
        const name = (value as object).constructor?.name
        return `${typeof name === 'string' && name !== '' ? `a ${name}` : 'a class instance'} is not a plain JSON object`
      }
    default:
      return `a ${typeof value} is not a JSON value`
  }
}

/**
 * Finds the first place where `value` is not plain JSON data: a cycle, a
 * non-finite number, `undefined` in an array, a function, a symbol, a bigint,
 * or an object that is not a plain object or array (a `Date`, a `Map`, a
 * class instance). Object properties whose value is `undefined` are allowed,
 * since `JSON.stringify` drops them. Never throws, whatever the input: it walks
 * iteratively, so depth cannot overflow the stack.
 */
export function findNonJsonValue(value: unknown): NonJsonValue | undefined {
  // Depth-first with an explicit stack: a `leave` frame marks the end of a
  // container's children, so `onPath` holds exactly the current ancestors.
  // Paths are linked lists, turned into pointers only when reporting.
  type Frame = { readonly visit: unknown; readonly path: PathNode | undefined } | { readonly leave: object }
  const stack: Frame[] = [{ visit: value, path: undefined }]
  const onPath = new Set<object>()
  while (stack.length > 0) {
    const frame = stack.pop()!
    if ('leave' in frame) {
      onPath.delete(frame.leave)
      continue
    }
    const problem = describe(frame.visit)
    if (problem !== undefined) return { instancePath: toPointer(frame.path), message: problem }
    if (frame.visit === null || typeof frame.visit !== 'object') continue
    const container = frame.visit
    if (onPath.has(container)) return { instancePath: toPointer(frame.path), message: 'a cycle is not a JSON value' }
    onPath.add(container)
    stack.push({ leave: container })
    if (Array.isArray(container)) {
      for (let index = container.length - 1; index >= 0; index--) {
        const item: unknown = container[index]
        const path = { parent: frame.path, token: index }
        if (item === undefined) return { instancePath: toPointer(path), message: 'undefined is not a JSON value' }
        stack.push({ visit: item, path })
      }
    } else {
      for (const key of Object.keys(container)) {
        const item: unknown = (container as Record<string, unknown>)[key]
        if (item !== undefined) stack.push({ visit: item, path: { parent: frame.path, token: key } })
      }
    }
  }
  return undefined
}

interface PathNode {
  readonly parent: PathNode | undefined
  readonly token: string | number
}

function toPointer(path: PathNode | undefined): string {
  const tokens: Array<string | number> = []
  for (let node = path; node !== undefined; node = node.parent) tokens.push(node.token)
  return tokens.reverse().reduce<string>((pointer, token) => appendPointer(pointer, token), '')
}
