import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { VALIDATORS, type AdapterResponse, type AdapterValidate, type Implementation } from '@compiled-sql/protocol'
import type { EnvelopeTarget } from './target.js'

/** The protocol package as the report names it, version read from its manifest. */
function protocolImplementation(): Implementation {
  const require = createRequire(import.meta.url)
  const manifest = JSON.parse(readFileSync(require.resolve('@compiled-sql/protocol/package.json'), 'utf8')) as { version: string }
  return { name: '@compiled-sql/protocol', version: manifest.version, language: 'typescript' }
}

/**
 * Answers a `validate` request with the TypeScript validators, as an adapter
 * would: parse the text, then `VALIDATORS[document]`.
 */
export function validateInProcess(request: AdapterValidate): AdapterResponse {
  let value: unknown
  try {
    value = JSON.parse(request.text)
  } catch (error) {
    return { type: 'error', id: request.id, message: `the text is not JSON: ${(error as Error).message}` }
  }
  const result = VALIDATORS[request.document](value)
  if (result.ok) return { type: 'result', id: request.id, valid: true, issues: [] }
  const issues = result.errors.map(({ code, instancePath, message }) => ({ code, instancePath, message }))
  return { type: 'result', id: request.id, valid: false, issues }
}

/** The TypeScript validators of `@compiled-sql/protocol`, run in this process. */
export function inProcessTarget(): EnvelopeTarget {
  return {
    implementation: protocolImplementation(),
    validate: (request) => Promise.resolve(validateInProcess(request)),
    close: () => Promise.resolve(),
  }
}
