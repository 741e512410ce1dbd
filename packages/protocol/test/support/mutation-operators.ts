import { MAX_GUARANTEED_DEPTH } from '../../src/index.js'
import { cloneJson, numberLiteral } from './json-text.js'
import { defineOwn, getAt, parentAt, pointerOf, type JsonPath } from './json-path.js'
import { expand, type Site } from './schema-walk.js'
import type { SchemaNode } from './schemas.js'

/** One change to a document: replace a value, delete a property or item, or rename a property. */
export type Edit =
  | { readonly kind: 'set'; readonly path: JsonPath; readonly value: unknown; readonly label: string }
  | { readonly kind: 'delete'; readonly path: JsonPath; readonly label: string }
  | { readonly kind: 'rename'; readonly path: JsonPath; readonly from: string; readonly to: string; readonly label: string }

/** One value of each JSON type (and shape), for "wrong type" and "null" edits. */
const TYPE_SAMPLES: readonly unknown[] = [null, true, false, 0, 1, -1, 1.5, '', 'x', [], [null], {}, { k: 'v' }]

/**
 * Whitespace, including the characters on which regular-expression engines
 * disagree (`\u001c`-`\u001f` and `\u0085` are whitespace to Python's `re`
 * but not to ECMAScript; `\ufeff` is the reverse).
 */
export const WHITESPACE_SAMPLES: readonly string[] = [' ', '\t\n', '\r\n', '\u000b', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u001c', '\u001f', '\u0085', '\u180e', '\u200b']

/** Property names that are odd for a parameter name or a JavaScript object. */
const NAME_SAMPLES: readonly string[] = [')', 'a)', ')s', '', ' ', 'a b', '%(x)s', '\u{1F600}', '\ud800', '__proto__', 'constructor', 'toString', 'x', '0', 'a/b~c']

/** Names no schema declares, some of them special to JavaScript objects or JSON Pointers. */
const EXTRA_KEYS: readonly string[] = ['x_extra', '', '__proto__', 'constructor', 'hasOwnProperty', 'a/b~c']

/** Numbers at the edges that matter on the wire: int32, 2^53, doubles. */
const GLOBAL_NUMBERS: readonly number[] = [
  0, -0, 1, -1, 0.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 53 - 1, 2 ** 53, -(2 ** 53 - 1), -(2 ** 53), 2 ** 53 + 2, 1e21, 1e308, -1e308, 5e-324,
]

/** Number literals with no exact JavaScript value, written into the text as is. */
const NUMBER_LITERALS: readonly string[] = ['9007199254740993', '-9007199254740993', '18446744073709551616', '1.0', '1e2', '-0.0', '1E400', '-1e400']

/** Nesting depths for values of any JSON type: shallow for JSON, deep for a recursive validator. */
// The protocol guarantees MAX_GUARANTEED_DEPTH levels; deeper documents may be rejected
// (Python jsonschema recurses out at about 300), so the gate stays within the guarantee.
const NESTING_DEPTHS: readonly number[] = [MAX_GUARANTEED_DEPTH - 8, MAX_GUARANTEED_DEPTH - 4]

function nestedIn(depth: number, wrap: (inner: unknown) => unknown, value: unknown): unknown {
  let nested = value
  for (let level = 0; level < depth; level++) nested = wrap(nested)
  return nested
}

function around(bound: number | undefined): number[] {
  return bound === undefined ? [] : [bound - 1, bound - 0.5, bound, bound + 0.5, bound + 1]
}

function caseVariants(text: string): string[] {
  return [text.toUpperCase(), text.charAt(0).toUpperCase() + text.slice(1), `${text} `, ` ${text}`]
}

function camelCase(name: string): string {
  return name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())
}

/** A value a schema accepts, or at least a plausible one, for adding a missing property. */
export function sampleOf(node: SchemaNode): unknown {
  for (const { schema } of expand(node, undefined)) {
    if ('const' in schema) return schema.const
    if (Array.isArray(schema.enum)) return schema.enum[0]
  }
  for (const { schema } of expand(node, undefined)) {
    const type = Array.isArray(schema.type) ? (schema.type[0] as unknown) : schema.type
    if (type === 'string') return 'x'.repeat(typeof schema.minLength === 'number' ? Math.max(1, schema.minLength) : 1)
    if (type === 'integer' || type === 'number') return typeof schema.minimum === 'number' ? schema.minimum : 0
    if (type === 'boolean') return true
    if (type === 'null') return null
    if (type === 'array') return []
    if (type === 'object') return {}
  }
  return null
}

function stringValues(site: Site): string[] {
  const value = typeof site.value === 'string' ? site.value : 'x'
  const values = ['', ...WHITESPACE_SAMPLES, `${value}\n`, `\n${value}`, ...caseVariants(value), '\ud800', `${value}\udc00`, `${value}\u0000`, '\u{1F600}', 'a']
  if (site.minLength !== undefined && site.minLength > 1) values.push('a'.repeat(site.minLength - 1), '\u{1F600}'.repeat(site.minLength - 1))
  for (const allowed of site.allowedValues ?? []) if (typeof allowed === 'string') values.push(allowed, ...caseVariants(allowed))
  return values
}

function numberValues(site: Site): unknown[] {
  return [...around(site.minimum), ...around(site.maximum), ...GLOBAL_NUMBERS, ...NUMBER_LITERALS.map(numberLiteral)]
}

function objectEdits(site: Site, object: Record<string, unknown>): Edit[] {
  const { path } = site
  const at = pointerOf(path)
  const keys = Object.keys(object)
  const edits: Edit[] = keys.map((key) => ({ kind: 'delete', path: [...path, key], label: `drop ${pointerOf([...path, key])}` }))
  for (const [name, node] of site.properties) {
    if (!Object.hasOwn(object, name)) edits.push({ kind: 'set', path: [...path, name], value: sampleOf(node), label: `add ${pointerOf([...path, name])}` })
  }
  for (const key of EXTRA_KEYS) edits.push({ kind: 'set', path: [...path, key], value: 1, label: `extra ${JSON.stringify(key)} at ${at}` })
  for (const key of keys.filter((k) => k.includes('_'))) {
    const alias = camelCase(key)
    edits.push({ kind: 'set', path: [...path, alias], value: object[key], label: `both spellings ${alias} at ${at}` })
    edits.push({ kind: 'rename', path, from: key, to: alias, label: `camelCase ${key} at ${at}` })
  }
  if (site.propertyNames !== undefined) {
    const value = site.additional ? sampleOf(site.additional) : null
    for (const name of NAME_SAMPLES) {
      edits.push({ kind: 'set', path: [...path, name], value, label: `name ${JSON.stringify(name)} at ${at}` })
      if (keys[0] !== undefined) edits.push({ kind: 'rename', path, from: keys[0], to: name, label: `rename to ${JSON.stringify(name)} at ${at}` })
    }
  }
  edits.push({ kind: 'set', path, value: {}, label: `empty object ${at}` })
  return edits
}

function arrayEdits(site: Site, array: readonly unknown[]): Edit[] {
  const { path } = site
  const at = pointerOf(path)
  const set = (value: unknown[], label: string): Edit => ({ kind: 'set', path, value, label: `${label} ${at}` })
  const edits = [set([], 'empty array'), set([...array, null], 'append null to'), set([...array, 'x'], 'append a string to'), set([...array, {}], 'append {} to')]
  if (array.length > 0) edits.push(set(array.slice(1), 'drop the first item of'), set([...array, cloneJson(array[0])], 'duplicate an item of'))
  return edits
}

/**
 * Every edit the mutation operators derive for one site from its schema:
 * wrong types and nulls, dropped and added properties, unknown and
 * camelCase properties, odd property names, boundary numbers, emptied,
 * whitespace, case-changed and surrogate strings, emptied and grown arrays,
 * and deep nesting where any JSON value fits.
 */
export function editsAt(site: Site): Edit[] {
  const { path, value } = site
  const at = pointerOf(path)
  const set = (replacement: unknown, label: string): Edit => ({ kind: 'set', path, value: replacement, label: `${label} at ${at}` })
  const edits = TYPE_SAMPLES.map((sample) => set(sample, `type ${JSON.stringify(sample)}`))
  if (site.types.includes('string') || typeof value === 'string') edits.push(...stringValues(site).map((text) => set(text, `string ${JSON.stringify(text)}`)))
  if (site.types.includes('number') || site.types.includes('integer') || typeof value === 'number') {
    edits.push(...numberValues(site).map((number) => set(number, `number ${typeof number === 'string' ? number.slice(number.indexOf(':') + 1) : String(number)}`)))
  }
  if (site.types.length === 7) {
    // Any JSON value fits here (a parameter, a row cell): nest it deep.
    for (const depth of NESTING_DEPTHS) {
      edits.push(set(nestedIn(depth, (inner) => [inner], value), `${depth} nested arrays`), set(nestedIn(depth, (inner) => ({ k: inner }), value), `${depth} nested objects`))
    }
  }
  if (Array.isArray(value)) edits.push(...arrayEdits(site, value))
  else if (value !== null && typeof value === 'object') edits.push(...objectEdits(site, value as Record<string, unknown>))
  return edits
}

/** Applies an edit to a copy of `root`; `undefined` when the edit's path no longer exists. */
export function applyEdit(root: unknown, edit: Edit): unknown {
  if (edit.kind === 'set' && edit.path.length === 0) return cloneJson(edit.value)
  const copy = cloneJson(root)
  if (edit.kind === 'rename') {
    const object = getAt(copy, edit.path)
    if (object === null || typeof object !== 'object' || Array.isArray(object) || !Object.hasOwn(object, edit.from)) return undefined
    const entries = Object.entries(object as Record<string, unknown>).map(([key, item]) => [key === edit.from ? edit.to : key, item] as const)
    const renamed = {}
    for (const [key, item] of entries) defineOwn(renamed, key, item)
    return edit.path.length === 0 ? renamed : (defineOwn(parentAt(copy, edit.path)!, edit.path.at(-1)!, renamed), copy)
  }
  const parent = parentAt(copy, edit.path)
  const key = edit.path.at(-1)
  if (parent === undefined || key === undefined) return undefined
  if (edit.kind === 'delete') {
    if (!Object.hasOwn(parent, key)) return undefined
    if (Array.isArray(parent)) parent.splice(Number(key), 1)
    else delete parent[key]
    return copy
  }
  defineOwn(parent, key, cloneJson(edit.value))
  return copy
}
