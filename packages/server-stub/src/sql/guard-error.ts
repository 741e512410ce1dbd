import type { ErrorCode } from '@compiled-sql/protocol'
import type { AnalysisError } from './analysis-types.js'

/**
 * Where a {@link GuardError} happened: a UTF-16 index in the original SQL, a
 * UTF-8 byte offset in the rewritten text (parse-tree `location`s), or a
 * 0-based code-point index in the rewritten text (the parser's error cursor).
 */
export type GuardLocation = { readonly original: number } | { readonly rewrittenByte: number } | { readonly rewrittenCodePoint: number }

/**
 * A refusal raised deep inside the checker and turned into an
 * {@link AnalysisError} at the top, once positions can be mapped back.
 */
export class GuardError extends Error {
  readonly code: ErrorCode
  readonly location: GuardLocation | undefined
  readonly details: AnalysisError['details']

  constructor(code: ErrorCode, message: string, location?: GuardLocation, details?: AnalysisError['details']) {
    super(message)
    this.name = 'GuardError'
    this.code = code
    this.location = location
    this.details = details
  }
}

/** A location in the rewritten text from a parse-tree `location` (absent, or -1, when the parser had none). */
export function atByte(location: unknown): GuardLocation | undefined {
  return typeof location === 'number' && location >= 0 ? { rewrittenByte: location } : undefined
}
