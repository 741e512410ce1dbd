/**
 * The SQL checker of the server stub: pyformat placeholders rewritten on
 * PostgreSQL's own scanner, the statement parsed with PostgreSQL's own
 * parser, and a fail-closed walk of the whole tree against the declared
 * scope, the function allowlist and the literal policy.
 *
 * @packageDocumentation
 */
export { loadSqlGuard, analyzeStatement } from './analyze-statement.js'
export type * from './analysis-types.js'
export { AnalysisCache, analysisCacheKey, DEFAULT_ANALYSIS_CACHE_SIZE } from './analysis-cache.js'
export { PositionMap } from './position-map.js'
