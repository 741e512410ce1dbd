/** One thing to measure: a name and a call that does one operation. */
export interface Candidate {
  readonly name: string
  readonly run: () => unknown
}

/** Keeps results observable, so the engine cannot drop the work. */
let sink = 0

function consume(result: unknown): void {
  if (result === undefined || result === false) sink++
}

/** How many operations fit in about a millisecond, so that timer reads do not dominate. */
function batchSize(run: () => unknown): number {
  let size = 1
  for (;;) {
    const start = performance.now()
    for (let i = 0; i < size; i++) consume(run())
    if (performance.now() - start >= 1 || size >= 1 << 24) return size
    size *= 2
  }
}

/** Operations per second of `run` over about `milliseconds`. */
function opsPerSecond(run: () => unknown, size: number, milliseconds: number): number {
  let operations = 0
  const start = performance.now()
  let elapsed = 0
  do {
    for (let i = 0; i < size; i++) consume(run())
    operations += size
    elapsed = performance.now() - start
  } while (elapsed < milliseconds)
  return (operations / elapsed) * 1000
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** How long to warm up and measure. */
export interface BenchOptions {
  readonly warmupMs: number
  readonly rounds: number
  readonly sliceMs: number
}

/**
 * Measures every candidate in the same process: a warmup, then `rounds`
 * rounds that each give every candidate one time slice, in alternating order
 * (forwards, then backwards) so drift and GC pressure spread evenly. Returns
 * the median ops/s of each candidate.
 */
export function measure(candidates: readonly Candidate[], options: BenchOptions): Map<string, number> {
  const sizes = new Map<string, number>()
  for (const candidate of candidates) {
    sizes.set(candidate.name, batchSize(candidate.run))
    opsPerSecond(candidate.run, sizes.get(candidate.name)!, options.warmupMs)
  }
  const samples = new Map<string, number[]>(candidates.map((c) => [c.name, []]))
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? candidates : [...candidates].reverse()
    for (const candidate of order) samples.get(candidate.name)!.push(opsPerSecond(candidate.run, sizes.get(candidate.name)!, options.sliceMs))
  }
  if (sink < 0) console.log(sink)
  return new Map([...samples].map(([name, values]) => [name, median(values)]))
}
