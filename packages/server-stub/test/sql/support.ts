import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadSqlGuard } from '../../src/sql/analyze-statement.js'
import type {
  AnalysisError,
  AnalysisInput,
  AnalysisResult,
  AnalysisSuccess,
  ScopedRelation,
  SqlGuard,
} from '../../src/sql/analysis-types.js'

/** The repository root (…/main). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..')

let guard: Promise<SqlGuard> | undefined
/** The one SQL guard the tests share. */
export function sqlGuard(): Promise<SqlGuard> {
  guard ??= loadSqlGuard()
  return guard
}

/** A scoped relation from `schema.table`, its uid the same text. */
export function scoped(name: string, access: 'read' | 'write' = 'read', alias?: string): ScopedRelation {
  const [schema = '', table = ''] = name.split('.')
  return { metaTableUid: name, schema, table, access, ...(alias !== undefined && { alias }) }
}

/** The scope most tests use: trade writable, asset and market.venue readable. */
export const DEFAULT_SCOPE: readonly ScopedRelation[] = [scoped('public.trade', 'write'), scoped('public.asset'), scoped('market.venue')]

/** An analysis input with the test defaults: a named select on grammar 18 under DEFAULT_SCOPE. */
export function input(sql: string, overrides: Partial<AnalysisInput> = {}): AnalysisInput {
  return {
    sql,
    operation: 'select',
    parameters: 'named',
    scope: DEFAULT_SCOPE,
    searchPath: ['public'],
    literalPolicy: 'allow',
    grammar: 18,
    ...overrides,
  }
}

/** Analyses with the shared guard. */
export async function analyze(sql: string, overrides: Partial<AnalysisInput> = {}): Promise<AnalysisResult> {
  return (await sqlGuard()).analyze(input(sql, overrides))
}

/** Analyses and demands acceptance. */
export async function accepted(sql: string, overrides: Partial<AnalysisInput> = {}): Promise<AnalysisSuccess> {
  const result = await analyze(sql, overrides)
  if (!result.ok) throw new Error(`expected acceptance of ${sql}, got ${JSON.stringify(result.error)}`)
  return result
}

/** Analyses and demands refusal. */
export async function refused(sql: string, overrides: Partial<AnalysisInput> = {}): Promise<AnalysisError> {
  const result = await analyze(sql, overrides)
  if (result.ok) throw new Error(`expected refusal of ${sql}, got acceptance as ${result.text}`)
  return result.error
}

/** One line of the shared legit corpus, as far as the SQL checker needs it. */
export interface CorpusCase {
  readonly id: string
  readonly op: 'select' | 'insert' | 'update' | 'delete' | 'upsert'
  readonly sql: string
  readonly parameters: Record<string, unknown> | unknown[]
  readonly scope: readonly { readonly table: string; readonly access: 'read' | 'write' }[]
}

/** The realistic corpus (`conformance-fixtures/sources/legit/cases.jsonl`). */
export function corpusCases(): CorpusCase[] {
  const text = readFileSync(join(REPO_ROOT, 'conformance-fixtures', 'sources', 'legit', 'cases.jsonl'), 'utf8')
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusCase)
}
