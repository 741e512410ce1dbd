import type { ConformanceReport } from '@compiled-sql/protocol'
import { resolveKnownFailures } from '../baseline.js'
import { evaluateEnvelopeCase } from '../envelopes/evaluate-case.js'
import { envelopeRequestLines, validateRequest } from '../envelopes/requests.js'
import { defaultEnvelopeFixturesDir } from '../fixtures/default-fixtures-dir.js'
import type { EnvelopeCase } from '../fixtures/envelope-case.js'
import { loadEnvelopeCases } from '../fixtures/load-envelope-cases.js'
import type { RunConformanceOptions } from '../options.js'
import { buildReport } from '../report/build-report.js'
import type { CaseOutcome } from '../report/case-verdict.js'
import { select } from '../selection.js'
import { startAdapter } from '../targets/adapter-session.js'
import { inProcessTarget } from '../targets/in-process-target.js'
import type { EnvelopeTarget } from '../targets/target.js'

/** The corpus and the selected part of it. */
async function loadSelection(options: RunConformanceOptions): Promise<{ corpus: EnvelopeCase[]; selected: EnvelopeCase[] }> {
  const corpus = await loadEnvelopeCases(options.fixturesDir ?? defaultEnvelopeFixturesDir())
  return { corpus, selected: select(corpus, (envelopeCase) => envelopeCase.fixture.id, options) }
}

function openTarget(options: RunConformanceOptions): Promise<EnvelopeTarget> {
  if (options.adapter === undefined) return Promise.resolve(inProcessTarget())
  return startAdapter({
    command: options.adapter,
    suite: 'envelopes',
    timeoutMs: options.timeoutMs,
    cwd: options.adapterCwd,
    stderr: options.adapterStderr,
  })
}

/**
 * The envelope suite: every selected case is sent as one `validate` request,
 * in corpus order, and judged by {@link evaluateEnvelopeCase}.
 */
export async function runEnvelopesSuite(options: RunConformanceOptions): Promise<ConformanceReport> {
  const knownFailures = await resolveKnownFailures(options.knownFailures)
  const { corpus, selected } = await loadSelection(options)
  const startedAt = new Date()
  const start = performance.now()
  const target = await openTarget(options)
  const outcomes: CaseOutcome[] = []
  try {
    for (const envelopeCase of selected) {
      const request = validateRequest(envelopeCase)
      const caseStart = performance.now()
      const response = await target.validate(request)
      const verdict = evaluateEnvelopeCase(envelopeCase.fixture, request, response)
      outcomes.push({ id: envelopeCase.fixture.id, path: envelopeCase.path, durationMs: performance.now() - caseStart, verdict })
    }
  } catch (error) {
    // The target already failed; its own shutdown error would only hide this one.
    await target.close().catch(() => {})
    throw error
  }
  await target.close()
  return buildReport({
    suite: 'envelopes',
    implementation: target.implementation,
    startedAt,
    durationMs: performance.now() - start,
    outcomes,
    knownFailures,
    corpusIds: new Set(corpus.map((envelopeCase) => envelopeCase.fixture.id)),
  })
}

/** The JSON Lines an adapter would receive for the selected cases, without starting one. */
export async function planEnvelopeRequests(options: RunConformanceOptions): Promise<string> {
  const { selected } = await loadSelection(options)
  return envelopeRequestLines(selected)
}
