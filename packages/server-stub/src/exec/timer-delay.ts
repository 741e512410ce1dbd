// setTimeout turns a delay beyond 2^31 - 1 ms into 1 ms; statement timeouts may reach that bound.
const MAX_DELAY_MS = 2_147_483_647

/** A delay `setTimeout` honours: at least 1 ms, at most 2^31 - 1 ms (a longer one would fire at once). */
export function timerDelay(ms: number): number {
  return Number.isFinite(ms) ? Math.min(Math.max(Math.trunc(ms), 1), MAX_DELAY_MS) : MAX_DELAY_MS
}
