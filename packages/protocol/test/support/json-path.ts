/** One step of a path into a JSON value: a property name or an array index. */
export type PathToken = string | number

/** A path from the document root. */
export type JsonPath = readonly PathToken[]

/** The JSON Pointer (RFC 6901) of a path, for messages. */
export function pointerOf(path: JsonPath): string {
  return path.map((token) => '/' + String(token).replace(/~/g, '~0').replace(/\//g, '~1')).join('')
}

/** Sets an own property, even one called `__proto__` (plain assignment would change the prototype). */
export function defineOwn(target: object, key: PathToken, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

/** The value at `path`, reading own properties only; `undefined` when the path does not exist. */
export function getAt(root: unknown, path: JsonPath): unknown {
  let value = root
  for (const token of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, token)) return undefined
    value = (value as Record<PathToken, unknown>)[token]
  }
  return value
}

/** The container holding `path`'s last token, or `undefined` when it does not exist. */
export function parentAt(root: unknown, path: JsonPath): Record<PathToken, unknown> | undefined {
  const parent = getAt(root, path.slice(0, -1))
  return parent !== null && typeof parent === 'object' ? (parent as Record<PathToken, unknown>) : undefined
}
