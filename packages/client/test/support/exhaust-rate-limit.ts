import type { CompiledSqlOperation } from '@compiled-sql/protocol'
import { MetaTableClient, RequestError } from '../../src/index.js'

/**
 * Sends bursts of requests as a rate-limited principal, without retries,
 * until the server refuses one, and returns that refusal. Bursts rather than
 * a fixed count: on a loaded machine a fixed burst can take long enough for
 * the bucket to refill. Bounded, so a server that never limits fails the test.
 */
export async function exhaustRateLimit(endpoint: string, token: string, envelope: CompiledSqlOperation): Promise<RequestError> {
  const client = new MetaTableClient({ endpoint, token, retry: { maxRetries: 0 } })
  for (let burst = 0; burst < 20; burst += 1) {
    const outcomes = await Promise.allSettled(Array.from({ length: 40 }, () => client.executeOperation(envelope)))
    const refused = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected')
    if (refused !== undefined) return refused.reason as RequestError
  }
  throw new Error('800 requests in bursts of 40 and the server never answered 429')
}
