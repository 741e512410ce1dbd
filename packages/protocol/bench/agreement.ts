import * as verdictPass from '../src/generated/verdict-validators.js'
import type { ValidateFunction } from '../src/validate-function.js'
import { readFixtureCorpus } from '../test/support/fixtures.js'
import { compoundMutants, distinctMutants, singleEditMutants } from '../test/support/mutants.js'
import type { WireDocument } from '../test/support/schemas.js'
import { SEED_DOCUMENTS } from '../test/support/seed-documents.js'
import type { TypeBoxChecks } from './typebox-validators.js'

const AJV_VERDICTS: Readonly<Record<WireDocument, ValidateFunction>> = {
  operation: verdictPass.verdict_operation,
  'operation-result': verdictPass.verdict_operationResult,
  'error-response': verdictPass.verdict_errorResponse,
  'run-query-request': verdictPass.verdict_runQueryRequest,
  'run-query-response': verdictPass.verdict_runQueryResponse,
}

/** How TypeBox and the shipped Ajv verdict pass compare on the same documents. */
export interface Agreement {
  readonly fixtures: number
  readonly mutants: number
  readonly disagreements: ReadonlyArray<{ readonly id: string; readonly document: WireDocument; readonly ajv: string; readonly typebox: string; readonly text: string }>
}

function verdict(check: () => boolean): string {
  try {
    return check() ? 'valid' : 'invalid'
  } catch (error) {
    return `error: ${error instanceof Error ? error.message : String(error)}`
  }
}

/**
 * Puts the fixture corpus and the differential gate's mutants (the same
 * generator and seed) to both TypeBox and Ajv's verdict pass.
 */
export function typeBoxAgreement(typebox: TypeBoxChecks): Agreement {
  const { cases } = readFixtureCorpus()
  const corpus = cases.map((c) => ({ id: c.id, document: c.document, text: c.text }))
  const valid = cases.filter((c) => c.valid)
  const mutants = distinctMutants([
    ...singleEditMutants(SEED_DOCUMENTS),
    ...compoundMutants([...SEED_DOCUMENTS, ...valid], { seed: 0x5eed, count: 2500 }),
  ]).map((m) => ({ id: `${m.seedId}: ${m.edits.join('; ')}`, document: m.document, text: m.text }))
  const disagreements = [...corpus, ...mutants].flatMap((c) => {
    const ajv = verdict(() => AJV_VERDICTS[c.document](JSON.parse(c.text)))
    const tb = verdict(() => typebox[c.document](JSON.parse(c.text)))
    return ajv === tb ? [] : [{ ...c, ajv, typebox: tb }]
  })
  return { fixtures: corpus.length, mutants: mutants.length, disagreements }
}
