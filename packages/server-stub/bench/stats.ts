/** Latency samples summarized: the order statistics the report prints. */
export interface LatencySummary {
  readonly count: number
  readonly p50Ms: number
  readonly p90Ms: number
  readonly p99Ms: number
  readonly meanMs: number
}

/**
 * The nearest-rank percentile of sorted samples: the smallest sample with at
 * least `p` percent of the samples at or below it. No interpolation, so every
 * figure printed is a latency that was actually observed.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1]!
}

/** Summarizes latencies given in milliseconds. */
export function summarize(samplesMs: readonly number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b)
  const total = sorted.reduce((sum, x) => sum + x, 0)
  return {
    count: sorted.length,
    p50Ms: percentile(sorted, 50),
    p90Ms: percentile(sorted, 90),
    p99Ms: percentile(sorted, 99),
    meanMs: sorted.length === 0 ? Number.NaN : total / sorted.length,
  }
}

/** The median of a few repeated measurements; robust to one disturbed repetition. */
export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50)
}

/**
 * A small deterministic PRNG (mulberry32), so that two runs look up the same
 * sequence of keys and the two paths being compared look up the same keys.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * µs per call of `body`, run `calls` times in a row: the median of `reps`
 * repetitions. For synchronous work of a few µs, where timing each call
 * would cost more than the call.
 */
export function timePerCall(reps: number, calls: number, body: (i: number) => unknown): number {
  const perRep: number[] = []
  let sink = 0
  for (let rep = 0; rep < reps; rep++) {
    const t0 = process.hrtime.bigint()
    for (let i = 0; i < calls; i++) if (body(i) !== undefined) sink++
    perRep.push(Number(process.hrtime.bigint() - t0) / 1000 / calls)
  }
  // Uses the results, so that no call can be optimized away.
  if (sink < 0) throw new Error('unreachable')
  return median(perRep)
}
