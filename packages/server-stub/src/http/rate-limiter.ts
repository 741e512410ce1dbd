import { ProtocolError } from '../pipeline/protocol-error.js'

interface Bucket {
  tokens: number
  updatedAt: number
}

/**
 * A token bucket per principal: `perMinute` requests a minute on average,
 * with bursts of up to `perMinute`. The clock is injectable so tests control time.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>()
  readonly #now: () => number

  constructor(now: () => number = Date.now) {
    this.#now = now
  }

  /**
   * Takes one token for `principalId`.
   *
   * @throws {ProtocolError} `rate_limited`, with the seconds until a token is back.
   */
  take(principalId: string, perMinute: number): void {
    const now = this.#now()
    const refillPerMs = perMinute / 60_000
    const bucket = this.#buckets.get(principalId) ?? { tokens: perMinute, updatedAt: now }
    bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.updatedAt) * refillPerMs)
    bucket.updatedAt = now
    this.#buckets.set(principalId, bucket)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return
    }
    const waitMs = Math.ceil((1 - bucket.tokens) / refillPerMs)
    throw new ProtocolError('rate_limited', `too many requests; retry in ${Math.ceil(waitMs / 1000)} s`, {
      details: { retry_after_ms: waitMs },
      retryAfterSeconds: Math.ceil(waitMs / 1000),
    })
  }
}
