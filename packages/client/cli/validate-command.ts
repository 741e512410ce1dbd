import { VALIDATORS, type ValidationIssue } from '@compiled-sql/protocol'
import { EXIT } from './exit-codes.js'
import type { Io } from './io.js'
import { readInput } from './read-input.js'
import { UsageError } from './usage-error.js'

/** The flags of `compiled-sql validate`. */
export interface ValidateFlags {
  readonly document?: string
  readonly json?: boolean
}

type DocumentName = keyof typeof VALIDATORS

/**
 * `compiled-sql validate <file|->`: validates a document (an operation
 * envelope by default) with the protocol's validator and prints each issue's
 * code and JSON Pointer, one per line. Exits 1 when the document is invalid.
 */
export async function validateCommand(path: string, flags: ValidateFlags, io: Io): Promise<number> {
  const document = (flags.document ?? 'operation') as DocumentName
  if (!Object.hasOwn(VALIDATORS, document)) throw new UsageError(`--document must be one of ${Object.keys(VALIDATORS).join(', ')}, got ${flags.document}`)
  const text = await readInput(path, io.stdin)
  let issues: readonly ValidationIssue[]
  try {
    const result = VALIDATORS[document](JSON.parse(text))
    issues = result.ok ? [] : result.errors
  } catch (error) {
    issues = [{ code: 'invalid_json', instancePath: '', message: (error as Error).message }]
  }
  if (flags.json === true) {
    io.stdout.write(`${JSON.stringify({ valid: issues.length === 0, document, issues }, null, 2)}\n`)
  } else if (issues.length === 0) {
    io.stdout.write(`valid ${document}\n`)
  } else {
    for (const issue of issues) io.stdout.write(`${issue.code}\t${issue.instancePath === '' ? '(root)' : issue.instancePath}\t${issue.message}\n`)
  }
  return issues.length === 0 ? EXIT.ok : EXIT.failed
}
