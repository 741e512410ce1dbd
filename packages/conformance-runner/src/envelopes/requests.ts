import type { AdapterRequest, AdapterValidate } from '@compiled-sql/protocol'
import { helloRequest, SHUTDOWN_REQUEST } from '../adapter-messages.js'
import type { EnvelopeCase } from '../fixtures/envelope-case.js'

/** The `validate` request for one case: its id, document name and exact text. */
export function validateRequest(envelopeCase: EnvelopeCase): AdapterValidate {
  return { type: 'validate', id: envelopeCase.fixture.id, document: envelopeCase.fixture.document, text: envelopeCase.text }
}

/** Every message an adapter would receive for these cases, in order: hello, one validate per case, shutdown. */
export function envelopeRequests(cases: readonly EnvelopeCase[]): AdapterRequest[] {
  return [helloRequest('envelopes'), ...cases.map(validateRequest), SHUTDOWN_REQUEST]
}

/** {@link envelopeRequests} as JSON Lines, exactly the bytes the runner writes to an adapter. */
export function envelopeRequestLines(cases: readonly EnvelopeCase[]): string {
  return envelopeRequests(cases)
    .map((request) => `${JSON.stringify(request)}\n`)
    .join('')
}
