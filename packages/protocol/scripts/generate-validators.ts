import Ajv2020Module from 'ajv/dist/2020.js'
import { _ } from 'ajv'
import standaloneCodeModule from 'ajv/dist/standalone/index.js'
import { ANNOTATION_KEYWORDS, type SchemaFile } from './schema-files.js'

// Ajv ships CommonJS; under ESM the constructor sits on `.default`.
const Ajv2020 = Ajv2020Module.default
const standaloneCode = standaloneCodeModule.default

/** The wire documents that get a validator, by schema name. */
export const VALIDATED_DOCUMENTS = [
  'operation',
  'operation-result',
  'error-response',
  'run-query-request',
  'run-query-response',
  'envelope-fixture',
  'conformance-report',
  'adapter-request',
  'adapter-response',
  'server-case',
  'client-case',
] as const

/** Keywords whose support costs every generated function bookkeeping; our schemas must not use them. */
const DYNAMIC_SCOPE_KEYWORDS = ['$dynamicRef', '$dynamicAnchor', 'unevaluatedProperties', 'unevaluatedItems']

/**
 * Ajv's draft 2020-12 class with `$dynamicRef` and `unevaluated*` support
 * switched off. Ajv2020 forces both on, and then every generated function
 * tracks evaluated properties and passes dynamic anchors around, which costs
 * the hot path about a third of its speed. {@link generateValidators} refuses
 * schemas that use those keywords, so switching them off changes no verdict.
 */
class Ajv2020WithoutDynamicScope extends Ajv2020 {
  constructor(options: ConstructorParameters<typeof Ajv2020>[0]) {
    super(options)
    this.opts.dynamicRef = false
    this.opts.unevaluated = false
  }
}

function assertNoDynamicScope(node: unknown, where: string): void {
  if (node === null || typeof node !== 'object') return
  for (const [key, value] of Object.entries(node)) {
    if (DYNAMIC_SCOPE_KEYWORDS.includes(key)) throw new Error(`${where}: ${key} is not supported by the generated validators`)
    assertNoDynamicScope(value, where)
  }
}

function newAjv(allErrors: boolean) {
  const ajv = new Ajv2020WithoutDynamicScope({
    code: { source: true, esm: true, lines: true },
    // The verdict pass stops at the first error; the issues pass collects every
    // issue and keeps each failing keyword's parent schema, where our
    // `x-error-code` overrides live.
    allErrors,
    verbose: allErrors,
    discriminator: true,
    allowUnionTypes: true,
    strict: true,
    // Our bounds are 2^53 - 1 and JSON has no NaN or Infinity.
    strictNumbers: true,
  })
  ajv.addVocabulary([...ANNOTATION_KEYWORDS])
  // JavaScript values can pass a type check without being JSON: a Date or a
  // class instance is an "object". This keyword, added to every object or array
  // schema of the compiled copy, rejects them in the same single pass.
  ajv.addKeyword({
    keyword: PLAIN_JSON_KEYWORD,
    schemaType: 'boolean',
    error: { message: 'must be a plain JSON object or array, not a class instance' },
    code(cxt) {
      const data = cxt.data
      cxt.fail(
        _`typeof ${data} == "object" && ${data} !== null && (Array.isArray(${data}) ? Object.getPrototypeOf(${data}) !== Array.prototype : (Object.getPrototypeOf(${data}) !== Object.prototype && Object.getPrototypeOf(${data}) !== null))`,
      )
    },
  })
  return ajv
}

/** The compile-only keyword that rejects non-plain objects and arrays; `src/issues.ts` maps it to `invalid_type`. */
export const PLAIN_JSON_KEYWORD = 'plainJson'

/** Keywords that never affect validation, dropped so the generated code does not embed prose. */
const PROSE_KEYWORDS = new Set(['title', 'description', 'default', '$comment', 'x-codes', 'x-token-descriptions'])

/**
 * A copy of a schema without prose, for compiling, with {@link PLAIN_JSON_KEYWORD}
 * on every object or array schema. `x-error-code` stays: the
 * issues pass reads it from each failing keyword's parent schema.
 */
function withoutProse(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutProse)
  if (schema === null || typeof schema !== 'object') return schema
  const copy: Record<string, unknown> = {}
  const types = (schema as { type?: unknown }).type
  if ([types].flat().some((t) => t === 'object' || t === 'array')) copy[PLAIN_JSON_KEYWORD] = true
  for (const [key, value] of Object.entries(schema)) {
    // `properties` and `$defs` map names to schemas; a property may be called `description`.
    const isNameMap = key === 'properties' || key === '$defs'
    if (!isNameMap && PROSE_KEYWORDS.has(key)) continue
    copy[key] = isNameMap
      ? Object.fromEntries(Object.entries(value as object).map(([name, sub]) => [name, withoutProse(sub)]))
      : withoutProse(value)
  }
  return copy
}

/**
 * Ajv's standalone output `require`s its runtime helpers even in ESM mode.
 * Point them at our own copies so the package is ESM and has no runtime dependency.
 */
/**
 * Ajv's all-errors code copies the errors collected so far each time a
 * referenced schema fails (`vErrors.concat(...)`), which is quadratic in the
 * number of issues: a body with 40,000 bad items took 15 s. Append in place.
 */
function withLinearErrorCollection(code: string): string {
  const concat = /vErrors = vErrors === null \? (validate\d+)\.errors : vErrors\.concat\(\1\.errors\);/g
  const linear = code.replace(concat, (_, fn: string) => `if (vErrors === null) { vErrors = ${fn}.errors.slice(); } else { for (const e of ${fn}.errors) vErrors.push(e); }`)
  if (/\.concat\(/.test(linear)) throw new Error('generated validator still concatenates errors: update withLinearErrorCollection')
  return linear
}

function withLocalRuntime(code: string): string {
  const helpers: string[] = []
  const body = code.replace(/const (func\d+) = require\("ajv\/dist\/runtime\/([a-z0-9]+)"\)\.default;/g, (_, local: string, helper: string) => {
    if (helper !== 'ucs2length') throw new Error(`unexpected Ajv runtime helper ${helper}: add it to src/ajv-runtime.ts`)
    helpers.push(`import { ucs2length as ${local} } from "../ajv-runtime.js";`)
    return ''
  })
  if (/require\(/.test(body)) throw new Error('generated validator still calls require()')
  // `minLength: 1` needs no code-point count: a string has fewer than one code
  // point exactly when it is empty. Most of our bounds are that one.
  const emptyChecks = helpers.length === 0 ? body : body.replace(/\b(func\d+)\((\w+)\) < 1\)/g, '$2.length === 0)')
  return helpers.join('\n') + '\n' + emptyChecks
}

function exportName(document: string, pass: 'verdict' | 'issues'): string {
  const camel = document.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
  return `${pass}_${camel}`
}

/**
 * Compiles the validators ahead of time with Ajv's standalone code generator:
 * for each document, a verdict pass (first error only, the hot path) and an
 * issues pass (every error, verbose).
 */
export function generateValidators(files: readonly SchemaFile[]): Record<string, string> {
  for (const file of files) assertNoDynamicScope(file.schema, file.fileName)
  const byName = new Map(files.map((file) => [file.name, file]))
  const sections: string[] = []
  for (const allErrors of [false, true]) {
    const ajv = newAjv(allErrors)
    for (const file of files) ajv.addSchema(withoutProse(file.schema) as object)
    const exports: Record<string, string> = {}
    for (const document of VALIDATED_DOCUMENTS) {
      const file = byName.get(document)
      if (file === undefined) throw new Error(`no schema for document ${document}`)
      exports[exportName(document, allErrors ? 'issues' : 'verdict')] = file.id
    }
    sections.push(standaloneCode(ajv, exports))
  }
  const [verdict, issues] = sections as [string, string]
  const header = '// Generated by packages/protocol/scripts/generate.ts from schemas/compiled-sql.v1. Do not edit.\n'
  const declarations = (pass: 'verdict' | 'issues') =>
    header +
    "import type { ValidateFunction } from '../validate-function.js'\n" +
    VALIDATED_DOCUMENTS.map((d) => `export declare const ${exportName(d, pass)}: ValidateFunction`).join('\n') +
    '\n'
  return {
    'src/generated/verdict-validators.js': header + withLocalRuntime(verdict) + '\n',
    'src/generated/verdict-validators.d.ts': declarations('verdict'),
    'src/generated/issues-validators.js': header + withLinearErrorCollection(withLocalRuntime(issues)) + '\n',
    'src/generated/issues-validators.d.ts': declarations('issues'),
  }
}
