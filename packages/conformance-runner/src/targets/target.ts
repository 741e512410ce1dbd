import type { AdapterResponse, AdapterValidate, Implementation } from '@compiled-sql/protocol'

/**
 * An implementation under test, as the envelope suite sees it: something that
 * answers `validate` requests. In process or behind an adapter, it speaks the
 * same messages, so that evaluation and reports do not care which.
 */
export interface EnvelopeTarget {
  /** The implementation, as it announced itself. */
  readonly implementation: Implementation
  /** Answers one request with a `result`, `skip` or `error` message for the same id. */
  validate(request: AdapterValidate): Promise<AdapterResponse>
  /** Releases the target (ends the adapter process). Safe to call more than once. */
  close(): Promise<void>
}
