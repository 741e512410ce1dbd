import { addCpu, cpuBetween, NO_CPU, type CpuReading, type CpuUsed } from './cpu-meter.js'
import type { QueryPath } from './paths.js'
import { seededRandom } from './stats.js'
import { ROW_COUNT } from './bench-database.js'

/** A source of primary keys: every path gets its own, with the same seed, so all look up the same keys. */
export function keySource(seed: number): () => number {
  const random = seededRandom(seed)
  return () => 1 + Math.floor(random() * ROW_COUNT)
}

/** The options of {@link measureLatency}. */
export interface LatencyOptions {
  /** Requests per path before anything is recorded. */
  readonly warmup: number
  /** Requests one path runs before the next path takes over. */
  readonly blockSize: number
  /** Stop after this long… */
  readonly budgetMs: number
  /** …or once every path has this many samples. */
  readonly maxSamples: number
}

/**
 * Latency at concurrency 1: the paths take turns in small blocks, the order
 * rotating each round, so drift (a checkpoint, a noisy neighbour, the CPU
 * clock) lands on all of them alike. One request in flight at a time.
 *
 * @returns the latencies of each path, in ms, by path name.
 */
export async function measureLatency(paths: readonly QueryPath[], options: LatencyOptions): Promise<Map<string, number[]>> {
  const keys = new Map(paths.map((p) => [p.name, keySource(1)]))
  for (const path of paths) for (let i = 0; i < options.warmup; i++) await path.run(keys.get(path.name)!())
  const samples = new Map<string, number[]>(paths.map((p) => [p.name, []]))
  const started = performance.now()
  for (let round = 0; performance.now() - started < options.budgetMs; round++) {
    if (paths.every((p) => samples.get(p.name)!.length >= options.maxSamples)) break
    for (let turn = 0; turn < paths.length; turn++) {
      const path = paths[(round + turn) % paths.length]!
      const into = samples.get(path.name)!
      const key = keys.get(path.name)!
      for (let i = 0; i < options.blockSize; i++) {
        const id = key()
        const t0 = performance.now()
        await path.run(id)
        into.push(performance.now() - t0)
      }
    }
  }
  return samples
}

/** What one path did under load, summed over its windows. */
export interface ThroughputResult {
  readonly completed: number
  readonly elapsedMs: number
  /** Requests per second of each window, to show drift. */
  readonly windowRates: readonly number[]
  readonly latenciesMs: readonly number[]
  /** CPU used while this path ran, by process group. */
  readonly cpu: CpuUsed
}

/** The options of {@link measureThroughput}. */
export interface ThroughputOptions {
  readonly concurrency: number
  readonly windowMs: number
  /** Windows per path; the paths alternate window by window. */
  readonly windows: number
  readonly warmupMs: number
  /** Reads the CPU counters; called around every window. */
  readonly readCpu: () => Promise<CpuReading>
}

async function runWindow(path: QueryPath, concurrency: number, windowMs: number, key: () => number, latencies: number[]): Promise<{ completed: number; elapsedMs: number }> {
  const start = performance.now()
  const deadline = start + windowMs
  let completed = 0
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const id = key()
      const t0 = performance.now()
      await path.run(id)
      latencies.push(performance.now() - t0)
      completed++
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  // Elapsed runs until the last request in flight at the deadline came back; those requests count.
  return { completed, elapsedMs: performance.now() - start }
}

/**
 * Closed-loop throughput: `concurrency` callers each send the next request as
 * soon as the last one is answered. The paths alternate in windows (order
 * rotating), each warmed up first so that every connection is open.
 */
export async function measureThroughput(paths: readonly QueryPath[], options: ThroughputOptions): Promise<Map<string, ThroughputResult>> {
  const keys = new Map(paths.map((p) => [p.name, keySource(2)]))
  for (const path of paths) await runWindow(path, options.concurrency, options.warmupMs, keys.get(path.name)!, [])
  const results = new Map(paths.map((p) => [p.name, { completed: 0, elapsedMs: 0, windowRates: [] as number[], latenciesMs: [] as number[], cpu: NO_CPU }]))
  for (let window = 0; window < options.windows; window++) {
    for (let turn = 0; turn < paths.length; turn++) {
      const path = paths[(window + turn) % paths.length]!
      const result = results.get(path.name)!
      const before = await options.readCpu()
      const { completed, elapsedMs } = await runWindow(path, options.concurrency, options.windowMs, keys.get(path.name)!, result.latenciesMs)
      result.cpu = addCpu(result.cpu, cpuBetween(before, await options.readCpu()))
      result.completed += completed
      result.elapsedMs += elapsedMs
      result.windowRates.push((completed * 1000) / elapsedMs)
    }
  }
  return results
}

/** Runs one path under load for a while, without recording anything (for profiling). */
export async function drive(path: QueryPath, concurrency: number, durationMs: number): Promise<number> {
  return (await runWindow(path, concurrency, durationMs, keySource(3), [])).completed
}
