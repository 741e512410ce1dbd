/**
 * The server-stub benchmark (issue 3, "Benchmark (not a test)"): the same
 * indexed select through the server over loopback HTTP and straight through
 * `pg`, on one PostgreSQL 15 database in one run, and the SQL guard's cost on
 * a cache hit and a miss. Run it with `npm run bench -w @compiled-sql/server-stub`
 * (scripts/with-postgres.mjs provides the database).
 *
 * Flags: `--profile` profiles the server even when every target is met;
 * `--no-profile` never does; `--quick` halves the time budgets.
 * BENCH_POOL_SIZE sets the pools (default 32), BENCH_PROFILE_CONCURRENCY the
 * load while profiling (default 1).
 */
import { cpus, loadavg } from 'node:os'
import { rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import pg from 'pg'
import { buildServer } from './build-server.js'
import { createBenchDatabase, DOLLAR_SQL, PYFORMAT_SQL, ROW_COUNT } from './bench-database.js'
import { BENCH_TOKEN, selectEnvelope, writeBenchWorld } from './bench-world.js'
import { parentPid, readCpu } from './cpu-meter.js'
import { formatReport, rateOf, serverTargets } from './format-report.js'
import { measureGuardCost } from './guard-cost.js'
import { createHttpClient } from './http-client.js'
import { measureLatency, measureThroughput } from './load.js'
import { bareHttpPath, executorPath, EXECUTE_PATH, rawPgPath, serverPath } from './paths.js'
import { measurePipelineSteps } from './pipeline-costs.js'
import { profileServer } from './profile-server.js'
import { isMet } from './report.js'
import { startServerProcess } from './server-process.js'
import { summarize } from './stats.js'

const flags = new Set(process.argv.slice(2))
const scale = flags.has('--quick') ? 0.5 : 1
const CONCURRENCY = 32
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? CONCURRENCY)
const LATENCY = { warmup: 300, blockSize: 25, budgetMs: 20_000 * scale, maxSamples: 20_000 }
const THROUGHPUT = { concurrency: CONCURRENCY, windowMs: 750 * scale, windows: 8, warmupMs: 500 * scale }
const PROFILE = { concurrency: Number(process.env.BENCH_PROFILE_CONCURRENCY ?? 1), durationMs: 3_000 * scale, intervalMicros: 200 }
const CORPUS = join(import.meta.dirname, '..', '..', '..', 'conformance-fixtures', 'sources', 'legit', 'cases.jsonl')

const progress = (message: string): void => void process.stderr.write(`bench: ${message}\n`)

/** Runs `use` with everything it needs up, and takes it all down again, newest first. */
async function withCleanup(use: (defer: (close: () => Promise<unknown>) => void) => Promise<void>): Promise<void> {
  const closers: (() => Promise<unknown>)[] = []
  try {
    await use((close) => closers.unshift(close))
  } finally {
    for (const close of closers) await close().catch((error: unknown) => progress(`cleanup: ${String(error)}`))
  }
}

async function main(): Promise<void> {
  const adminUrl = process.env.COMPILED_SQL_TEST_POSTGRES_URL
  if (adminUrl === undefined) throw new Error('COMPILED_SQL_TEST_POSTGRES_URL is not set: run through scripts/with-postgres.mjs (npm run bench does)')
  const started = performance.now()
  const loadBefore = loadavg()[0]!
  await withCleanup(async (defer) => {
    progress('compiling the server')
    const built = await buildServer()
    progress(`seeding ${ROW_COUNT} rows in a scratch database`)
    const database = await createBenchDatabase(adminUrl)
    defer(() => database.drop())
    const worldFile = writeBenchWorld(database.url, POOL_SIZE)
    defer(async () => rmSync(dirname(worldFile), { recursive: true, force: true }))
    const server = await startServerProcess(worldFile, built.entry)
    defer(() => server.close())
    const pool = new pg.Pool({ connectionString: database.url, max: POOL_SIZE })
    // An idle client the server drops (DROP DATABASE … WITH (FORCE) at the end) must not end the process.
    pool.on('error', () => {})
    defer(() => pool.end())
    const executor = built.exec.createPostgresExecutor({ connectionString: database.url, poolSize: POOL_SIZE })
    defer(() => executor.close())
    const http = createHttpClient(server.url, BENCH_TOKEN, CONCURRENCY)
    const bareHttp = createHttpClient(server.bareUrl, BENCH_TOKEN, CONCURRENCY)
    defer(async () => [http.close(), bareHttp.close()])

    const version = (await pool.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '?'
    // A backend's parent is the postmaster: CPU is counted for its processes only.
    const backend = (await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid
    const postmaster = parentPid(backend) ?? -1
    const sample = await http.post(EXECUTE_PATH, JSON.stringify(selectEnvelope(PYFORMAT_SQL, 42)))
    if (sample.status !== 200) throw new Error(`the server refused the bench select: ${sample.text}`)
    await server.setBareReply(sample.text)
    const names = { raw: 'raw pg', executor: 'executor only', noop: 'no-op HTTP', server: 'server' }
    const paths = [rawPgPath(pool), executorPath(executor, built.exec.bindParameters), bareHttpPath(bareHttp), serverPath(http)]
    for (const path of paths) await path.run(42)

    progress(`latency at concurrency 1 (about ${LATENCY.budgetMs / 1000} s)`)
    const latency = await measureLatency(paths, LATENCY)
    const loadSeconds = Math.round((paths.length * (THROUGHPUT.warmupMs + THROUGHPUT.windows * THROUGHPUT.windowMs)) / 1000)
    progress(`throughput at concurrency ${CONCURRENCY} (about ${loadSeconds} s)`)
    const throughput = await measureThroughput(paths, { ...THROUGHPUT, readCpu: () => readCpu(() => server.cpuMicros(), postmaster) })

    const checks = serverTargets(
      { raw: summarize(latency.get(names.raw)!), server: summarize(latency.get(names.server)!) },
      rateOf(throughput.get(names.raw)!),
      rateOf(throughput.get(names.server)!),
      CONCURRENCY,
    )
    let profile: string | undefined
    if (!flags.has('--no-profile') && (flags.has('--profile') || !checks.every(isMet))) {
      progress(`profiling the server process (${PROFILE.durationMs / 1000} s)`)
      profile = await profileServer(server, paths[3]!, PROFILE)
    }
    progress('guard cost and request steps')
    const guard = await measureGuardCost(built, CORPUS)
    const steps = await measurePipelineSteps(built, worldFile, sample.text)

    const setup = [
      `PostgreSQL ${version} on loopback, scratch database ${database.name}: public.item, ${ROW_COUNT} rows, primary key id`,
      `query, by a key drawn at random: ${DOLLAR_SQL}`,
      `  the server receives: ${PYFORMAT_SQL}`,
      `server compiled by tsup, in its own process; client node:http keep-alive; pools of ${POOL_SIZE} connections on every path`,
      `${cpus().length} CPUs, 1-minute load average ${loadBefore.toFixed(2)} before the run and ${loadavg()[0]!.toFixed(2)} after it (other work on the machine is noise the alternation spreads over all paths)`,
      'diagnostic paths: "executor only" is src/exec in this process (transaction, settings, DISCARD ALL, encoding; no HTTP, no checks);',
      '  "no-op HTTP" posts the same envelope to a bare node:http server in the server\'s process, which answers a captured response',
    ]
    const throughputWindows = { count: THROUGHPUT.windows, ms: THROUGHPUT.windowMs }
    const elapsedMs = performance.now() - started
    console.log(formatReport({ setup, names, concurrency: CONCURRENCY, latency, throughput, throughputWindows, guard, steps, elapsedMs, ...(profile !== undefined && { profile }) }))
  })
}

await main()
