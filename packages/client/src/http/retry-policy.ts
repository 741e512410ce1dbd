/**
 * When and how long the client waits before sending a request again. Reads
 * (select, run_query) retry on 429, 503 and transport failures; a write
 * retries only when it carries an idempotency key.
 *
 * @example
 * ```ts
 * new MetaTableClient({ endpoint, token, retry: { maxRetries: 5, initialDelayMs: 100 } })
 * new MetaTableClient({ endpoint, token, retry: { maxRetries: 0 } }) // never retry
 * ```
 */
export interface RetryPolicy {
  /** Retries after the first attempt. Default 3. */
  readonly maxRetries?: number
  /** The first backoff when the server gave no `Retry-After`; doubles each retry. Default 200 ms. */
  readonly initialDelayMs?: number
  /** The longest backoff the client picks by itself. Default 5 s. */
  readonly maxDelayMs?: number
  /**
   * The longest `Retry-After` the client honours by waiting. A longer one
   * ends the call with the {@link RateLimitError} (or `ServerError`) at once,
   * so the caller decides. Default 60 s.
   */
  readonly maxRetryAfterMs?: number
}

/** A {@link RetryPolicy} with every default filled in. */
export type ResolvedRetryPolicy = Required<RetryPolicy>

/** The defaults of {@link RetryPolicy}. */
export const DEFAULT_RETRY_POLICY: ResolvedRetryPolicy = { maxRetries: 3, initialDelayMs: 200, maxDelayMs: 5_000, maxRetryAfterMs: 60_000 }

/** Fills in the defaults, rejecting negative or non-finite settings. */
export function resolveRetryPolicy(policy: RetryPolicy | undefined): ResolvedRetryPolicy {
  const resolved = { ...DEFAULT_RETRY_POLICY, ...policy }
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`retry.${name} must be a finite number ≥ 0, got ${String(value)}`)
  }
  if (!Number.isInteger(resolved.maxRetries)) throw new RangeError(`retry.maxRetries must be an integer, got ${resolved.maxRetries}`)
  return resolved
}

/**
 * The wait before retry number `retry` (0 for the first): the server's
 * `Retry-After` when it sent one, otherwise exponential backoff with jitter
 * between half and all of `initialDelayMs · 2^retry`, capped at `maxDelayMs`.
 */
export function backoffDelay(policy: ResolvedRetryPolicy, retry: number, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined) return retryAfterMs
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** retry)
  return ceiling / 2 + random() * (ceiling / 2)
}
