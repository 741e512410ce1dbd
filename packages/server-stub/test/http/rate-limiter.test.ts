import { describe, expect, it } from 'vitest'
import { ProtocolError } from '../../src/pipeline/protocol-error.js'
import { RateLimiter } from '../../src/http/rate-limiter.js'

describe('RateLimiter', () => {
  it('allows a burst of perMinute, then answers rate_limited with a retry delay, then refills', () => {
    let now = 0
    const limiter = new RateLimiter(() => now)
    for (let i = 0; i < 3; i++) limiter.take('p', 3)
    let refused: unknown
    try {
      limiter.take('p', 3)
    } catch (error) {
      refused = error
    }
    expect(refused).toBeInstanceOf(ProtocolError)
    expect((refused as ProtocolError).code).toBe('rate_limited')
    expect((refused as ProtocolError).options.retryAfterSeconds).toBe(20)
    now += 20_000
    expect(() => limiter.take('p', 3)).not.toThrow()
  })

  it('keeps one bucket per principal', () => {
    const limiter = new RateLimiter(() => 0)
    limiter.take('a', 1)
    expect(() => limiter.take('b', 1)).not.toThrow()
    expect(() => limiter.take('a', 1)).toThrow(ProtocolError)
  })
})
