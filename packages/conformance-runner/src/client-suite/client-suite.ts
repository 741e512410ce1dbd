import type { ConformanceReport } from '@compiled-sql/protocol'
import { resolveKnownFailures } from '../baseline.js'
import { UsageError } from '../errors.js'
import type { RunConformanceOptions } from '../options.js'
import { buildReport } from '../report/build-report.js'
import type { CaseOutcome } from '../report/case-verdict.js'
import { select } from '../selection.js'
import { startAdapter, type AdapterSession } from '../targets/adapter-session.js'
import type { LoadedClientCase } from './client-case.js'
import { clientRequest, clientRequestLines } from './client-requests.js'
import { defaultClientFixturesDir } from './default-client-dir.js'
import { evaluateClientCase } from './evaluate-client-case.js'
import { loadClientCases } from './load-client-cases.js'
import { RecordingServer } from './recording-server.js'

/** How long a client adapter may take to answer one case, unless told otherwise: long enough to wait out every scripted `Retry-After`. */
export const DEFAULT_CLIENT_TIMEOUT_MS = 30_000

async function loadSelection(options: RunConformanceOptions): Promise<{ corpus: LoadedClientCase[]; selected: LoadedClientCase[] }> {
  const corpus = await loadClientCases(options.fixturesDir ?? defaultClientFixturesDir())
  return { corpus, selected: select(corpus, (clientCase) => clientCase.fixture.id, options) }
}

async function runCase(adapter: AdapterSession, server: RecordingServer, clientCase: LoadedClientCase): Promise<CaseOutcome> {
  const recording = server.open(clientCase.fixture.script ?? [])
  const start = performance.now()
  try {
    const request = clientRequest(clientCase, recording.endpoint)
    const response = await adapter.call(request)
    const verdict = evaluateClientCase(clientCase, request, response, [...recording.requests])
    return { id: clientCase.fixture.id, path: clientCase.path, durationMs: performance.now() - start, verdict }
  } finally {
    recording.close()
  }
}

/**
 * The client suite: the runner plays the server. For each selected case, in
 * corpus order, it opens a recording prefix with the case's script, sends the
 * adapter one `build`, `execute` or `run_query` request, and judges the
 * requests the client sent and the outcome it reported.
 *
 * @throws {UsageError} without `options.adapter` (a client runs only through an adapter).
 */
export async function runClientSuite(options: RunConformanceOptions): Promise<ConformanceReport> {
  if (options.adapter === undefined) throw new UsageError('the client suite runs a client through an adapter: give --adapter "<command>"')
  const knownFailures = await resolveKnownFailures(options.knownFailures)
  const { corpus, selected } = await loadSelection(options)
  const startedAt = new Date()
  const start = performance.now()
  const server = await RecordingServer.start()
  try {
    const adapter = await startAdapter({
      command: options.adapter,
      suite: 'client',
      timeoutMs: options.timeoutMs ?? DEFAULT_CLIENT_TIMEOUT_MS,
      cwd: options.adapterCwd,
      stderr: options.adapterStderr,
    })
    const outcomes: CaseOutcome[] = []
    try {
      for (const clientCase of selected) outcomes.push(await runCase(adapter, server, clientCase))
    } catch (error) {
      // The adapter already failed; its own shutdown error would only hide this one.
      await adapter.close().catch(() => {})
      throw error
    }
    await adapter.close()
    return buildReport({
      suite: 'client',
      implementation: adapter.implementation,
      startedAt,
      durationMs: performance.now() - start,
      outcomes,
      knownFailures,
      corpusIds: new Set(corpus.map((clientCase) => clientCase.fixture.id)),
    })
  } finally {
    await server.close()
  }
}

/** The JSON Lines an adapter would receive for the selected cases, without starting anything (endpoints name port `PORT`). */
export async function planClientRequests(options: RunConformanceOptions): Promise<string> {
  const { selected } = await loadSelection(options)
  return clientRequestLines(selected)
}
