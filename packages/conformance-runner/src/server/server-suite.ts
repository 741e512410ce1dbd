import { randomBytes } from 'node:crypto'
import type { ConformanceReport, Implementation } from '@compiled-sql/protocol'
import { resolveKnownFailures } from '../baseline.js'
import { UsageError } from '../errors.js'
import { buildReport } from '../report/build-report.js'
import type { CaseOutcome, CaseVerdict } from '../report/case-verdict.js'
import { select } from '../selection.js'
import { defaultServerFixturesDir } from './default-server-dir.js'
import { loadServerCorpus, type LoadedServerCase, type ServerCorpus } from './load-server-corpus.js'
import { resetTarget } from './reset-target.js'
import { runPool } from './run-pool.js'
import { runServerCase } from './run-server-case.js'
import { SERVER_DEFAULTS, type ServerSuiteOptions } from './server-options.js'
import { spawnTarget, type Target } from './spawned-target.js'

/** Why a `fresh` case is skipped on a `--target` server without `--reset-command`. */
export const FRESH_SKIP_REASON = 'needs the world as seeded: run with --spawn, or give --target a --reset-command'

function checkOptions(options: ServerSuiteOptions): void {
  if ((options.spawn === undefined) === (options.target === undefined)) throw new UsageError('the server suite needs exactly one of --spawn and --target')
  if (options.resetCommand !== undefined && options.target === undefined) throw new UsageError('--reset-command goes with --target')
  if (options.target !== undefined && !/^https?:\/\/[^/]+\/?$/.test(options.target)) throw new UsageError(`--target ${options.target} is not a base URL such as http://127.0.0.1:8787`)
  const jobs = options.jobs ?? SERVER_DEFAULTS.jobs
  if (!Number.isSafeInteger(jobs) || jobs < 1) throw new UsageError('--jobs must be a positive integer')
}

function implementationOf(options: ServerSuiteOptions): Implementation {
  const given = options.implementation ?? {}
  const where = options.target ?? options.spawn ?? 'server'
  return { name: given.name ?? (where.length > 80 ? `${where.slice(0, 79)}…` : where), version: given.version ?? 'unknown', language: given.language ?? 'unknown' }
}

/** Runs one case on one target, timing it. */
async function timed(loaded: LoadedServerCase, run: () => Promise<CaseVerdict>): Promise<CaseOutcome> {
  const start = performance.now()
  const verdict = await run()
  return { id: loaded.serverCase.id, path: loaded.path, durationMs: performance.now() - start, verdict }
}

/**
 * The server suite: every selected case over HTTP against a server serving
 * the corpus's world. With `spawn`, shared cases run in order on one server
 * while `fresh` cases run on servers of their own, `jobs` at a time; with
 * `target`, shared cases run on it, then `fresh` ones after a reset (or are
 * skipped).
 *
 * @throws {UsageError} on bad options or a malformed baseline (64).
 * @throws {FixtureError} on an invalid corpus (65).
 * @throws {TargetError} when a server cannot be started or reset (70).
 */
export async function runServerSuite(options: ServerSuiteOptions): Promise<ConformanceReport> {
  checkOptions(options)
  const knownFailures = await resolveKnownFailures(options.knownFailures)
  const corpus = await loadServerCorpus(options.fixturesDir ?? defaultServerFixturesDir())
  const selected = select(corpus.cases, (loaded) => loaded.serverCase.id, options)
  const startedAt = new Date()
  const start = performance.now()
  const outcomes = new Map<string, CaseOutcome>()
  const context = { runId: randomBytes(6).toString('hex'), world: corpus.world, timeoutMs: options.timeoutMs ?? SERVER_DEFAULTS.timeoutMs }
  const onTarget = (target: Target | string, loaded: LoadedServerCase) =>
    timed(loaded, () => runServerCase(loaded.serverCase, { ...context, baseUrl: typeof target === 'string' ? target : target.url })).then((outcome) => {
      outcomes.set(outcome.id, outcome)
    })
  const shared = selected.filter((loaded) => loaded.serverCase.isolation !== 'fresh')
  const fresh = selected.filter((loaded) => loaded.serverCase.isolation === 'fresh')
  if (options.spawn !== undefined) await runSpawned(options, corpus, shared, fresh, onTarget)
  else await runOnTarget(options, corpus, shared, fresh, onTarget, (loaded) => outcomes.set(loaded.serverCase.id, skipped(loaded)))
  return buildReport({
    suite: 'server',
    implementation: implementationOf(options),
    startedAt,
    durationMs: performance.now() - start,
    outcomes: selected.map((loaded) => outcomes.get(loaded.serverCase.id)!),
    knownFailures,
    corpusIds: new Set(corpus.cases.map((loaded) => loaded.serverCase.id)),
  })
}

function skipped(loaded: LoadedServerCase): CaseOutcome {
  return { id: loaded.serverCase.id, path: loaded.path, durationMs: 0, verdict: { status: 'skipped', reason: FRESH_SKIP_REASON } }
}

type RunOn = (target: Target | string, loaded: LoadedServerCase) => Promise<void>

async function runSpawned(options: ServerSuiteOptions, corpus: ServerCorpus, shared: readonly LoadedServerCase[], fresh: readonly LoadedServerCase[], runOn: RunOn): Promise<void> {
  const spawnOptions = { command: options.spawn!, corpus, startTimeoutMs: options.startTimeoutMs ?? SERVER_DEFAULTS.startTimeoutMs, log: options.serverLog }
  const runShared = async (): Promise<void> => {
    if (shared.length === 0) return
    const target = await spawnTarget(spawnOptions)
    try {
      for (const loaded of shared) await runOn(target, loaded)
    } finally {
      await target.close()
    }
  }
  const runFresh = () =>
    runPool(fresh, options.jobs ?? SERVER_DEFAULTS.jobs, async (loaded) => {
      const target = await spawnTarget(spawnOptions)
      try {
        await runOn(target, loaded)
      } finally {
        await target.close()
      }
    })
  const results = await Promise.allSettled([runShared(), runFresh()])
  for (const result of results) if (result.status === 'rejected') throw result.reason
}

async function runOnTarget(
  options: ServerSuiteOptions,
  corpus: ServerCorpus,
  shared: readonly LoadedServerCase[],
  fresh: readonly LoadedServerCase[],
  runOn: RunOn,
  skip: (loaded: LoadedServerCase) => void,
): Promise<void> {
  const url = options.target!.replace(/\/+$/, '')
  for (const loaded of shared) await runOn(url, loaded)
  for (const loaded of fresh) {
    if (options.resetCommand === undefined) {
      skip(loaded)
      continue
    }
    await resetTarget(options.resetCommand, url, corpus, options.startTimeoutMs ?? SERVER_DEFAULTS.startTimeoutMs, options.serverLog)
    await runOn(url, loaded)
  }
}
