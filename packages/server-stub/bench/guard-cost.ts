import { readFileSync } from 'node:fs'
import type { AnalysisInput, AnalyzedOperation, ScopedRelation, SqlGuard } from '../src/sql/index.js'
import type { BuiltServer } from './build-server.js'
import { DOLLAR_SQL, PYFORMAT_SQL } from './bench-database.js'
import { ITEM_META_TABLE } from './bench-world.js'
import { median, timePerCall } from './stats.js'

/** The guard's cost per `analyze` call through the server's `AnalysisCache`, in µs. */
export interface GuardCost {
  /** The benchmark's select, the same text every call (a fresh input object each time, as per request). */
  readonly hitMicros: number
  /** The benchmark's select, a distinct text every call (a unique trailing comment). */
  readonly missMicros: number
  /** Cache hits over the realistic corpus' statements, on average. */
  readonly corpusHitMicros: number
  /** Misses over the corpus, on average, and the slowest statement's. */
  readonly corpusMissMicros: number
  readonly corpusSlowestMiss: { readonly id: string; readonly micros: number }
  readonly corpusAccepted: number
  readonly corpusCases: number
}

const ITEM_SCOPE: readonly ScopedRelation[] = [{ metaTableUid: ITEM_META_TABLE, schema: 'public', table: 'item', alias: 'i', access: 'read' }]

function benchInput(sql: string): AnalysisInput {
  return { sql, operation: 'select', parameters: 'named', scope: ITEM_SCOPE, searchPath: ['public'], literalPolicy: 'allow', grammar: 15 }
}

interface CorpusCase {
  readonly id: string
  readonly input: AnalysisInput
}

function loadCorpus(file: string): CorpusCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const c = JSON.parse(line) as { id: string; op: AnalyzedOperation; sql: string; parameters: unknown; scope: { table: string; access: 'read' | 'write' }[] }
      const scope = c.scope.map(({ table, access }, i): ScopedRelation => {
        const [schema, name] = table.includes('.') ? table.split('.') : ['public', table]
        return { metaTableUid: `corpus-${i}`, schema: schema!, table: name!, access }
      })
      const parameters = Array.isArray(c.parameters) ? 'positional' : 'named'
      return { id: c.id, input: { sql: c.sql, operation: c.op, parameters, scope, searchPath: ['public'], literalPolicy: 'allow', grammar: 15 } }
    })
}

/** A copy of `text` that is a different string object, as a freshly parsed request body gives. */
const freshCopy = (text: string): string => JSON.parse(JSON.stringify(text)) as string

/**
 * Measures the guard as the server uses it: `AnalysisCache` around
 * `loadSqlGuard()`, compiled. Hits rebuild the cache key from a fresh input
 * object and a fresh string each call; misses are distinct texts, each
 * analysed once.
 */
export async function measureGuardCost(built: BuiltServer, corpusFile: string): Promise<GuardCost> {
  const { AnalysisCache, loadSqlGuard } = built.sql
  const guard: SqlGuard = await loadSqlGuard()
  const first = guard.analyze(benchInput(PYFORMAT_SQL))
  if (!first.ok || first.text !== DOLLAR_SQL) throw new Error(`the guard rewrote the bench select unexpectedly: ${JSON.stringify(first)}`)
  let accepted = 0
  const check = (ok: boolean): void => {
    if (ok) accepted++
  }

  const hitCache = new AnalysisCache(guard)
  const copies = Array.from({ length: 1024 }, () => freshCopy(PYFORMAT_SQL))
  hitCache.analyze(benchInput(PYFORMAT_SQL))
  const hitMicros = timePerCall(7, 50_000, (i) => check(hitCache.analyze(benchInput(copies[i & 1023]!)).ok))

  const missCache = new AnalysisCache(guard)
  let serial = 0
  const distinct = (): string => `${PYFORMAT_SQL} /* ${serial++} */`
  timePerCall(1, 300, () => check(missCache.analyze(benchInput(distinct())).ok))
  const missMicros = timePerCall(5, 400, () => check(missCache.analyze(benchInput(distinct())).ok))

  const corpus = loadCorpus(corpusFile)
  const corpusCache = new AnalysisCache(guard)
  const corpusAccepted = corpus.filter((c) => corpusCache.analyze(c.input).ok).length
  const corpusHitMicros = timePerCall(7, corpus.length * 200, (i) => {
    const c = corpus[i % corpus.length]!
    check(corpusCache.analyze({ ...c.input, sql: freshCopy(c.input.sql) }).ok)
  })

  const passes = 12
  const perCase = new Map<string, number[]>()
  const corpusMissCache = new AnalysisCache(guard)
  for (let pass = 0; pass < passes; pass++) {
    for (const c of corpus) {
      const input = { ...c.input, sql: `${c.input.sql}\n/* ${pass} */` }
      const t0 = process.hrtime.bigint()
      check(corpusMissCache.analyze(input).ok)
      const micros = Number(process.hrtime.bigint() - t0) / 1000
      if (pass >= 2) perCase.set(c.id, [...(perCase.get(c.id) ?? []), micros])
    }
  }
  const caseMedians = [...perCase].map(([id, micros]) => ({ id, micros: median(micros) }))
  const corpusMissMicros = caseMedians.reduce((sum, c) => sum + c.micros, 0) / caseMedians.length
  const corpusSlowestMiss = caseMedians.reduce((a, b) => (b.micros > a.micros ? b : a))
  if (accepted === 0) throw new Error('the guard accepted nothing')
  return { hitMicros, missMicros, corpusHitMicros, corpusMissMicros, corpusSlowestMiss, corpusAccepted, corpusCases: corpus.length }
}
