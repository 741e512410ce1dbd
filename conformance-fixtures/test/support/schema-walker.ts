import { selectBranch } from './discriminator.js'
import { escapeToken, hasJsonType, isJsonObject, type Json, type JsonObject, jsonEqual } from './json.js'
import { assertKnownKeywords, type Location, locationOf } from './keywords.js'
import type { SchemaNode, SchemaRegistry } from './schema-registry.js'

/**
 * An independent evaluator for the keyword subset of the compiled-sql.v1 wire
 * schemas. It exists to measure which schema locations the fixture corpus
 * exercises, and as a second oracle for the fixtures' expected issues: it
 * derives `{code, instancePath}` from the language-neutral rules of the
 * protocol, without Ajv.
 */

/** One issue as the protocol's rules derive it. */
export interface Issue {
  readonly code: string
  readonly instancePath: string
}

/** A location that failed on a document, with the issues its failure produced (for `items` and `propertyNames`, those of the failing subschema). */
export interface Failure {
  readonly location: Location
  readonly issues: readonly Issue[]
}

/** What evaluating one document did. */
export interface Evaluation {
  /** Locations applied to a value of a type they constrain (for `required/<name>`: the property was present). */
  readonly visited: ReadonlySet<Location>
  readonly failures: readonly Failure[]
  /** Every issue, in evaluation order. Empty exactly when the document is valid. */
  readonly issues: readonly Issue[]
}

const CODE_BY_KEYWORD: Readonly<Record<string, string>> = {
  type: 'invalid_type',
  enum: 'invalid_value',
  const: 'invalid_value',
  pattern: 'invalid_format',
  minLength: 'too_small',
  maxLength: 'too_big',
  minItems: 'too_small',
  minimum: 'too_small',
  maximum: 'too_big',
  required: 'missing_field',
  additionalProperties: 'unknown_field',
}

const child = (path: string, token: string | number): string => `${path}/${escapeToken(String(token))}`

/** Evaluates `value` against the root of `file` (such as `operation.schema.json`). */
export function evaluate(registry: SchemaRegistry, file: string, value: Json): Evaluation {
  const visited = new Set<Location>()
  const failures: Failure[] = []

  function apply(node: SchemaNode, value: Json, path: string): Issue[] {
    assertKnownKeywords(node)
    const s = node.schema
    const issues: Issue[] = []
    const override = typeof s['x-error-code'] === 'string' ? s['x-error-code'] : undefined
    const issue = (keyword: string, instancePath: string): Issue => ({ code: override ?? (CODE_BY_KEYWORD[keyword] as string), instancePath })
    /** Records `keyword` as applied here and, unless it `passes`, its failure; `code` replaces the code the rules give the keyword. */
    const check = (keyword: string, passes: boolean, code?: string): void => {
      const location = locationOf(node, keyword)
      visited.add(location)
      if (passes) return
      const found = [code === undefined ? issue(keyword, path) : { code, instancePath: path }]
      failures.push({ location, issues: found })
      issues.push(...found)
    }
    /** Applies a subschema to several values; if any fails, `keyword` fails with their issues. */
    const applyAll = (keyword: string, sub: SchemaNode, targets: readonly (readonly [Json, string])[]): void => {
      if (targets.length === 0) return
      const location = locationOf(node, keyword)
      visited.add(location)
      const found = targets.flatMap(([target, targetPath]) => apply(sub, target, targetPath))
      if (found.length > 0) failures.push({ location, issues: found })
      issues.push(...found)
    }

    if (typeof s['$ref'] === 'string') issues.push(...apply(registry.resolve(node, s['$ref']), value, path))
    if (s['type'] !== undefined) {
      const types = Array.isArray(s['type']) ? s['type'] : [s['type']]
      check('type', types.some((type) => hasJsonType(value, type)))
    }
    if (Array.isArray(s['enum'])) check('enum', s['enum'].some((allowed) => jsonEqual(allowed, value)))
    if (s['const'] !== undefined) check('const', jsonEqual(s['const'], value))
    if (typeof value === 'string') {
      const length = [...value].length
      if (typeof s['minLength'] === 'number') check('minLength', length >= s['minLength'])
      if (typeof s['maxLength'] === 'number') check('maxLength', length <= s['maxLength'])
      if (typeof s['pattern'] === 'string') check('pattern', new RegExp(s['pattern'], 'u').test(value))
    }
    if (typeof value === 'number') {
      // JSON.parse reads a number beyond the double range (1e400) as ±Infinity, which
      // breaks any bound. The rules make such a number invalid_type at its pointer
      // (I-JSON), whatever the keyword, so the bound it breaks reports that code.
      const outOfRange = Number.isFinite(value) ? undefined : 'invalid_type'
      if (typeof s['minimum'] === 'number') check('minimum', value >= s['minimum'], outOfRange)
      if (typeof s['maximum'] === 'number') check('maximum', value <= s['maximum'], outOfRange)
    }
    if (Array.isArray(value)) {
      if (typeof s['minItems'] === 'number') check('minItems', value.length >= s['minItems'])
      if (s['items'] !== undefined) applyAll('items', childOf(node, 'items'), value.map((item, index) => [item, child(path, index)] as const))
    }
    if (isJsonObject(value)) issues.push(...applyObject(node, value, path, issue))
    return issues
  }

  function childOf(node: SchemaNode, ...tokens: string[]): SchemaNode {
    return registry.child(node, ...tokens)
  }

  function applyObject(node: SchemaNode, value: JsonObject, path: string, issue: (keyword: string, at: string) => Issue): Issue[] {
    const s = node.schema
    const issues: Issue[] = []
    const properties = isJsonObject(s['properties']) ? s['properties'] : {}
    const keys = Object.keys(value)
    const fail = (location: Location, found: Issue[]): void => {
      failures.push({ location, issues: found })
      issues.push(...found)
    }

    for (const key of keys) {
      if (key in properties) issues.push(...apply(childOf(node, 'properties', key), value[key] as Json, child(path, key)))
    }
    const extra = keys.filter((key) => !(key in properties))
    if (s['additionalProperties'] === false) {
      const location = locationOf(node, 'additionalProperties')
      visited.add(location)
      if (extra.length > 0) fail(location, extra.map((key) => issue('additionalProperties', child(path, key))))
    } else if (isJsonObject(s['additionalProperties'])) {
      const sub = childOf(node, 'additionalProperties')
      for (const key of extra) issues.push(...apply(sub, value[key] as Json, child(path, key)))
    }
    if (s['propertyNames'] !== undefined && keys.length > 0) {
      // A name's issues sit at the pointer of the property that carries it.
      const location = locationOf(node, 'propertyNames')
      visited.add(location)
      const found = keys.flatMap((key) => apply(childOf(node, 'propertyNames'), key, child(path, key)))
      if (found.length > 0) fail(location, found)
    }
    if (Array.isArray(s['required'])) {
      for (const name of s['required'].map(String)) {
        const location = locationOf(node, 'required', name)
        if (name in value) visited.add(location)
        else fail(location, [issue('required', child(path, name))])
      }
    }
    if (s['discriminator'] !== undefined) issues.push(...applyDiscriminator(node, value, path))
    return issues
  }

  /** oneOf + discriminator: only the branch the discriminator value selects is evaluated. */
  function applyDiscriminator(node: SchemaNode, value: JsonObject, path: string): Issue[] {
    const location = locationOf(node, 'discriminator')
    const selection = selectBranch(registry, node, value)
    if (selection.kind === 'branch') {
      visited.add(location)
      return apply(selection.branch, value, path)
    }
    const code = selection.kind === 'missing' ? 'missing_field' : 'invalid_value'
    const found = [{ code, instancePath: child(path, selection.propertyName) }]
    failures.push({ location, issues: found })
    return found
  }

  const issues = apply(registry.root(file), value, '')
  return { visited, failures, issues }
}
