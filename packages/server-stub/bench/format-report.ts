import { cpus } from 'node:os'
import type { CpuUsed } from './cpu-meter.js'
import type { GuardCost } from './guard-cost.js'
import type { ThroughputResult } from './load.js'
import type { StepCost } from './pipeline-costs.js'
import { fixed, heading, isMet, table, targetLine, type TargetCheck } from './report.js'
import { summarize, type LatencySummary } from './stats.js'

/** The names of the four paths, as the tables print them. */
export interface PathNames {
  readonly raw: string
  readonly executor: string
  readonly noop: string
  readonly server: string
}

/** Everything one run measured. */
export interface BenchResults {
  readonly setup: readonly string[]
  readonly names: PathNames
  readonly concurrency: number
  readonly latency: ReadonlyMap<string, number[]>
  readonly throughput: ReadonlyMap<string, ThroughputResult>
  readonly throughputWindows: { readonly count: number; readonly ms: number }
  readonly guard: GuardCost
  readonly steps: readonly StepCost[]
  readonly profile?: string
  readonly elapsedMs: number
}

const ms = (value: number): string => fixed(value)

/** Requests per second of one path under load. */
export function rateOf(result: ThroughputResult): number {
  return (result.completed * 1000) / result.elapsedMs
}

/** The two server targets, from the measurements. */
export function serverTargets(latency: { raw: LatencySummary; server: LatencySummary }, rawRate: number, serverRate: number, concurrency: number): TargetCheck[] {
  return [
    { name: 'latency: server p50 / raw pg p50', measured: latency.server.p50Ms / latency.raw.p50Ms, comparison: '<=', target: 1.3 },
    { name: `throughput: server / raw pg at concurrency ${concurrency}`, measured: serverRate / rawRate, comparison: '>=', target: 0.7 },
  ]
}

/** The guard target. */
export function guardTarget(guard: GuardCost): TargetCheck {
  return { name: 'guard: cache hit', measured: guard.hitMicros, comparison: '<=', target: 5, unit: ' µs' }
}

function cpuPerRequest(cpu: CpuUsed, requests: number): string[] {
  return [cpu.bench, cpu.server, cpu.postgres].map((micros) => fixed(micros / requests, 1))
}

function latencySection(r: BenchResults): string[] {
  const { names } = r
  const s = (name: string): LatencySummary => summarize(r.latency.get(name)!)
  const rows = [['path', 'samples', 'p50 ms', 'p90 ms', 'p99 ms', 'mean ms']]
  for (const name of r.latency.keys()) {
    const x = s(name)
    rows.push([name, String(x.count), ms(x.p50Ms), ms(x.p90Ms), ms(x.p99Ms), ms(x.meanMs)])
  }
  const [raw, executor, noop, server] = [s(names.raw), s(names.executor), s(names.noop), s(names.server)]
  return [
    heading('latency at concurrency 1 (paths alternate in blocks of 25, order rotating)'),
    table(rows),
    `  the server's p50 ${ms(server.p50Ms)} ms ≈ executor ${ms(executor.p50Ms)} (raw pg ${ms(raw.p50Ms)} + ${ms(executor.p50Ms - raw.p50Ms)} for the transaction wrapper)`,
    `  + an HTTP round trip ${ms(noop.p50Ms)} + the rest ${ms(server.p50Ms - executor.p50Ms - noop.p50Ms)} (routing, auth, body, envelope, guard, binding, JSON out, async hops)`,
    `  the p50 target allows ${ms(0.3 * raw.p50Ms)} ms over raw pg; a no-op HTTP round trip alone takes ${ms(noop.p50Ms)} ms on this machine`,
  ]
}

function throughputSection(r: BenchResults): string[] {
  const { names } = r
  const rows = [['path', 'requests', 'req/s', 'window min..max', 'p50 ms', 'p99 ms', 'CPU µs/req: bench', 'server', 'postgres']]
  for (const [name, t] of r.throughput) {
    const x = summarize(t.latenciesMs)
    const windows = `${Math.round(Math.min(...t.windowRates))}..${Math.round(Math.max(...t.windowRates))}`
    rows.push([name, String(t.completed), rateOf(t).toFixed(0), windows, ms(x.p50Ms), ms(x.p99Ms), ...cpuPerRequest(t.cpu, t.completed)])
  }
  const total = (name: string): number => {
    const t = r.throughput.get(name)!
    return (t.cpu.bench + t.cpu.server + t.cpu.postgres) / t.completed
  }
  return [
    heading(`throughput at concurrency ${r.concurrency} (${r.throughputWindows.count} alternating windows of ${r.throughputWindows.ms / 1000} s per path)`),
    table(rows),
    `  CPU per request, all processes: raw pg ${fixed(total(names.raw), 1)} µs, executor ${fixed(total(names.executor), 1)} µs, no-op HTTP ${fixed(total(names.noop), 1)} µs, server ${fixed(total(names.server), 1)} µs`,
    `  client, server and PostgreSQL share ${cpus().length} CPUs, so throughput follows CPU per request: raw / server = ${fixed(total(names.raw) / total(names.server))}`,
  ]
}

function stepsSection(r: BenchResults): string[] {
  const own = r.steps.filter((s) => !s.step.startsWith(' ')).reduce((sum, s) => sum + s.micros, 0)
  const server = r.throughput.get(r.names.server)!
  return [
    heading("the server's own request steps, each timed alone in this process (µs per call)"),
    table(r.steps.map((s) => [s.step, fixed(s.micros, 2)])),
    `  together ${fixed(own, 1)} µs of the ${fixed(server.cpu.server / server.completed, 1)} µs CPU per request the server process used under load;`,
    '  the rest is node:http, pg, the executor and the async plumbing between them',
  ]
}

/** The printed report: setup, tables, ratios with MET / NOT MET, guard, steps, profile. */
export function formatReport(r: BenchResults): string {
  const raw = summarize(r.latency.get(r.names.raw)!)
  const server = summarize(r.latency.get(r.names.server)!)
  const checks = serverTargets({ raw, server }, rateOf(r.throughput.get(r.names.raw)!), rateOf(r.throughput.get(r.names.server)!), r.concurrency)
  const guardCheck = guardTarget(r.guard)
  const { guard } = r
  const all = [...checks, guardCheck]
  return [
    'compiled-sql server-stub benchmark',
    ...r.setup,
    ...latencySection(r),
    ...throughputSection(r),
    heading('server against raw pg'),
    `latency: server p99 / raw pg p99: ${fixed(server.p99Ms / raw.p99Ms)} (no target)`,
    ...checks.map(targetLine),
    heading('SQL guard (AnalysisCache around loadSqlGuard(), PostgreSQL 15 grammar)'),
    targetLine(guardCheck),
    `guard: cache miss, the bench select with a distinct comment each call: ${fixed(guard.missMicros, 1)} µs`,
    `guard: corpus (${guard.corpusAccepted}/${guard.corpusCases} accepted): hit ${fixed(guard.corpusHitMicros)} µs, ` +
      `miss ${fixed(guard.corpusMissMicros, 1)} µs on average, slowest miss ${guard.corpusSlowestMiss.id} ${fixed(guard.corpusSlowestMiss.micros, 1)} µs`,
    ...stepsSection(r),
    ...(r.profile === undefined ? [] : [heading('where the server spends its time'), r.profile]),
    heading('summary'),
    `${all.filter(isMet).length}/${all.length} targets MET; the run took ${(r.elapsedMs / 1000).toFixed(1)} s`,
  ].join('\n')
}
