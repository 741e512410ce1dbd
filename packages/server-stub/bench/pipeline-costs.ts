import { randomUUID } from 'node:crypto'
import { stringify } from 'lossless-json'
import type { BuiltServer } from './build-server.js'
import { PYFORMAT_SQL } from './bench-database.js'
import { BENCH_TOKEN, selectEnvelope } from './bench-world.js'
import { keySource } from './load.js'
import { timePerCall } from './stats.js'

/** One step of a request, timed alone. */
export interface StepCost {
  readonly step: string
  readonly micros: number
}

/**
 * Times the server's own request steps one by one, in this process, on the
 * benchmark's request (the same compiled functions the server calls, in its order):
 * the spans of the CPU a request costs outside node:http, pg and PostgreSQL.
 * The JSON.stringify row is a comparison, not a step of the server.
 */
export async function measurePipelineSteps(built: BuiltServer, worldFile: string, sampleResponse: string): Promise<StepCost[]> {
  const { bindParameters } = built.exec
  const { authenticate } = built.authenticate
  const { parseJsonBody } = built.jsonBody
  const { checkEnvelope } = built.checkEnvelope
  const { checkParameters } = built.checkParameters
  const { resolveScope } = built.resolveScope
  const { AnalysisCache, loadSqlGuard } = built.sql
  const { loadWorld } = built.loadWorld
  const { Registry } = built.registry
  const registry = new Registry(loadWorld(worldFile))
  const principal = registry.principalByToken(BENCH_TOKEN)
  if (principal === undefined) throw new Error('the bench principal is missing from the world')
  const guard = new AnalysisCache(await loadSqlGuard())
  const key = keySource(4)
  const bodies = Array.from({ length: 1024 }, () => JSON.stringify(selectEnvelope(PYFORMAT_SQL, key())))
  const parsed = bodies.map((text) => parseJsonBody(text))
  const envelopes = parsed.map((body) => checkEnvelope(body.value))
  const scope = resolveScope(envelopes[0]!.scope, 'select', principal, registry)
  const analysisInput = (sql: string) => ({
    sql,
    operation: 'select' as const,
    parameters: 'named' as const,
    scope: scope.relations,
    searchPath: ['public'],
    literalPolicy: 'allow' as const,
    grammar: 15 as const,
  })
  const analysis = guard.analyze(analysisInput(PYFORMAT_SQL))
  if (!analysis.ok) throw new Error(`the guard refused the bench select: ${analysis.error.message}`)
  const names = analysis.placeholders.map((p) => p.name)
  const headers = { authorization: `Bearer ${BENCH_TOKEN}` }
  const exactParameters = parsed.map((body) => (body.exact as { statement: { parameters: unknown } }).statement.parameters)
  const response = JSON.parse(sampleResponse) as Record<string, unknown>
  const time = (step: string, body: (i: number) => unknown): StepCost => {
    for (let i = 0; i < 2_000; i++) body(i & 1023)
    return { step, micros: timePerCall(5, 20_000, (i) => body(i & 1023)) }
  }
  return [
    time('request plumbing: randomUUID, new URL, access-log record', (i) => [
      randomUUID(),
      new URL('/orm/api/ts_manager/meta_table/execute-operation/', 'http://stub').pathname,
      { time: new Date().toISOString(), i },
    ]),
    time('authenticate (src/http/authenticate.ts)', () => authenticate(headers, registry)),
    time('parseJsonBody (src/http/json-body.ts)', (i) => parseJsonBody(bodies[i]!)),
    time('checkEnvelope: validateOperation (src/pipeline/check-envelope.ts)', (i) => checkEnvelope(parsed[i]!.value)),
    time('resolveScope (src/pipeline/resolve-scope.ts)', (i) => resolveScope(envelopes[i]!.scope, 'select', principal, registry)),
    time('guard, cache hit (AnalysisCache)', (i) => guard.analyze(analysisInput(envelopes[i]!.statement.sql))),
    time('checkParameters + bindParameters', (i) => {
      const values = checkParameters(envelopes[i]!.statement, exactParameters[i], names)
      return bindParameters({ values, names, hints: analysis.hints })
    }),
    time('response: lossless-json stringify (src/http/respond.ts)', () => stringify(response)),
    time('  for comparison: JSON.stringify of the same body', () => JSON.stringify(response)),
  ]
}
