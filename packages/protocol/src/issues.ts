import type { ErrorCode, ValidationIssue } from './generated/types.js'
import { appendPointer } from './json-pointer.js'
import type { AjvError } from './validate-function.js'

/**
 * The protocol's code for each JSON Schema keyword. The rule is language-neutral
 * and documented in `docs/protocol/compiled-sql.v1.md`, so that validators in
 * other languages report the same codes; an `x-error-code` on the failing
 * keyword's schema overrides it.
 */
const CODE_BY_KEYWORD: Readonly<Record<string, ErrorCode>> = {
  required: 'missing_field',
  additionalProperties: 'unknown_field',
  type: 'invalid_type',
  // The compile-only keyword of scripts/generate-validators.ts: a Date, a Map, a class instance.
  plainJson: 'invalid_type',
  enum: 'invalid_value',
  const: 'invalid_value',
  discriminator: 'invalid_value',
  uniqueItems: 'invalid_value',
  pattern: 'invalid_format',
  format: 'invalid_format',
  minLength: 'too_small',
  minItems: 'too_small',
  minProperties: 'too_small',
  minimum: 'too_small',
  exclusiveMinimum: 'too_small',
  maxLength: 'too_big',
  maxItems: 'too_big',
  maxProperties: 'too_big',
  maximum: 'too_big',
  exclusiveMaximum: 'too_big',
}

/** Keywords whose failure only summarizes failures reported beneath them. */
const SUMMARY_KEYWORDS = new Set(['propertyNames', 'oneOf', 'anyOf', 'allOf', 'if', 'not'])

/** The most issues one validation reports; a document with more is rejected all the same. */
export const MAX_ISSUES = 100

function issueOf(error: AjvError): ValidationIssue | undefined {
  if (SUMMARY_KEYWORDS.has(error.keyword) && error.propertyName === undefined) return undefined
  const override = error.parentSchema?.['x-error-code']
  const code = typeof override === 'string' ? (override as ErrorCode) : (CODE_BY_KEYWORD[error.keyword] ?? 'invalid_value')
  let instancePath = error.instancePath
  if (error.keyword === 'required') instancePath = appendPointer(instancePath, String(error.params.missingProperty))
  else if (error.keyword === 'additionalProperties') instancePath = appendPointer(instancePath, String(error.params.additionalProperty))
  else if (error.propertyName !== undefined) instancePath = appendPointer(instancePath, error.propertyName)
  else if (error.keyword === 'discriminator' && typeof error.params.tag === 'string') {
    instancePath = appendPointer(instancePath, error.params.tag)
    // Ajv reports a tag that is absent and a tag that is not a string alike, as `error: "tag"`.
    if (error.params.error === 'tag' && error.params.tagValue === undefined) {
      return { code: 'missing_field', instancePath, message: `${error.params.tag} is required` }
    }
  }
  const message = messageOf(error, code)
  return { code, instancePath, message }
}

function messageOf(error: AjvError, code: ErrorCode): string {
  switch (code) {
    case 'missing_field':
      return `${String(error.params.missingProperty)} is required`
    case 'unknown_field':
      return `${String(error.params.additionalProperty)} is not a field of this object (the wire is snake_case)`
    case 'unsupported_version':
    case 'unsupported_dialect':
    case 'unsupported_paramstyle':
      return `must be ${JSON.stringify(error.params.allowedValue)}`
    default:
      return error.propertyName === undefined
        ? (error.message ?? code)
        : `property name ${JSON.stringify(error.propertyName)} ${error.message ?? 'is invalid'}`
  }
}

/**
 * Turns Ajv's errors into protocol issues: our codes, JSON Pointers that point
 * at the offending field, no duplicates, at most {@link MAX_ISSUES}.
 */
export function issuesFromAjv(errors: readonly AjvError[]): ValidationIssue[] {
  const issues: ValidationIssue[] = []
  const seen = new Set<string>()
  for (const error of errors) {
    const issue = issueOf(error)
    if (issue === undefined) continue
    const key = `${issue.code}\u0000${issue.instancePath}`
    if (seen.has(key)) continue
    seen.add(key)
    issues.push(issue)
    if (issues.length === MAX_ISSUES) break
  }
  return issues
}
