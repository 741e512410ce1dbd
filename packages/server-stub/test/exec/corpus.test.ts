import { LosslessNumber, parse } from 'lossless-json'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bindParameters } from '../../src/exec/bind-parameters.js'
import type { ExecutionRequest, ExecutionResult } from '../../src/exec/execution-request.js'
import { BACKENDS, rejection, request, type TestBackend } from './support/backends.js'
import {
  anyArgumentHints,
  canonicalRow,
  loadCorpus,
  mergeIdenticalParameters,
  pyformatToDollar,
  toProtocolEncoding,
  type CorpusCase,
} from './support/corpus.js'

const CASES = loadCorpus()

/** Ends a corpus write before COMMIT, so that every case starts from the seeded state. */
class RollBack extends Error {}

/** The request for a case: pyformat rewritten to `$n`, values bound by {@link bindParameters}. */
function caseRequest(corpusCase: CorpusCase, merge: boolean): ExecutionRequest {
  let { text, names } = pyformatToDollar(corpusCase.sql)
  if (merge) ({ text, names } = mergeIdenticalParameters(text, names, corpusCase.parameters))
  const bound = bindParameters({ values: corpusCase.parameters, names, parameterTypes: corpusCase.parameter_types, hints: anyArgumentHints(text) })
  if (!bound.ok) throw bound.error
  return request(text, { parameters: bound.parameters, mode: corpusCase.op === 'select' ? 'read' : 'write' })
}

/** The expected rows, in our encoding, as canonical JSON text. */
function expectedRows(corpusCase: CorpusCase): string[] {
  const { columns, rows } = corpusCase.expect
  return rows.map((row) =>
    canonicalRow(Object.fromEntries(columns.map((column) => [column.name, toProtocolEncoding(row[column.name], column.type)]))),
  )
}

/** What a write did, seen from inside its transaction just before it was rolled back. */
interface WriteOutcome {
  readonly result: ExecutionResult
  readonly after: string[]
}

async function runWriteCase(backend: TestBackend, caseRequest: ExecutionRequest, afterSql: string): Promise<WriteOutcome> {
  let outcome: WriteOutcome | undefined
  const error = await rejection(
    backend.executor.execute({
      ...caseRequest,
      beforeCommit: async (tx, result) => {
        const after = await tx.query(`select row_to_json(q)::text from (${afterSql}) q`)
        outcome = {
          result,
          after: after.rows.map(([json]) => canonicalRow(parse(json as string, null, (text) => new LosslessNumber(text)) as Record<string, unknown>)),
        }
        await tx.query("select setval('public.trade_id_seq', 500)") // sequences ignore ROLLBACK
        throw new RollBack()
      },
    }),
  )
  if (!(error instanceof RollBack)) throw error
  return outcome!
}

for (const kind of BACKENDS) {
  describe.skipIf(kind.skip !== undefined)(`the realistic corpus on ${kind.name}`, () => {
    let backend: TestBackend
    beforeAll(async () => {
      backend = await kind.start()
    })
    afterAll(async () => {
      await backend?.close()
    })

    it('has 76 cases', () => {
      expect(CASES).toHaveLength(76)
    })

    it.for(CASES)('$id returns its expected rows, columns and end state', async (corpusCase) => {
      // One SQLAlchemy shape writes date_trunc('day', at) twice with two binds; PostgreSQL cannot tell they are equal (42803).
      const knownGroupingLimit = corpusCase.expect.binding_errors?.['typed']?.startsWith('42803') === true
      const run = async (merge: boolean): Promise<unknown> => {
        const req = caseRequest(corpusCase, merge)
        if (corpusCase.op === 'select') {
          const whole = await backend.executor.execute(req)
          const paged = await backend.executor.execute({ ...req, page: { offset: 0, limit: 10_000 } })
          expect(paged).toEqual({ ...whole, hasMore: false })
          return whole
        }
        return runWriteCase(backend, req, corpusCase.expect.after!.sql)
      }
      if (knownGroupingLimit) expect(await rejection(run(false))).toMatchObject({ code: 'query_error', sqlstate: '42803' })
      const outcome = await run(knownGroupingLimit)

      const result = corpusCase.op === 'select' ? (outcome as ExecutionResult) : (outcome as WriteOutcome).result
      expect(result.columns.map(({ name, type }) => ({ name, type }))).toEqual(corpusCase.expect.columns)
      expect(result.rowCount).toBe(Number(corpusCase.expect.row_count.toString()))
      const rows = result.rows.map(canonicalRow)
      if (corpusCase.op === 'select') {
        expect(rows).toEqual(expectedRows(corpusCase))
      } else {
        expect([...rows].sort()).toEqual(expectedRows(corpusCase).sort()) // RETURNING order is not defined
        const after = corpusCase.expect.after!
        expect((outcome as WriteOutcome).after).toEqual(after.rows.map(canonicalRow))
        expect((outcome as WriteOutcome).after).toHaveLength(Number(after.row_count.toString()))
      }
    })
  })
}
