/**
 * Validation throughput, measured side by side in one process: the shipped
 * validator, its raw Ajv passes, a TypeBox 1.x compiled validator built from
 * the same JSON Schema, @hyperjump/json-schema, and JSON.parse of the same
 * bytes (the yardstick: the target is a shipped validator at least twice as
 * fast as parsing). Then checks that TypeBox and Ajv agree on the fixture
 * corpus and the differential gate's mutants. Run with
 * `npm run bench -w @compiled-sql/protocol`; it prints numbers and asserts nothing.
 */
import { registerSchema, validate } from '@hyperjump/json-schema/draft-2020-12'
import { findNonJsonValue, validateOperation } from '../src/index.js'
import { issues_operation } from '../src/generated/issues-validators.js'
import { verdict_operation } from '../src/generated/verdict-validators.js'
import { SCHEMA_FILES, schemaIdOf } from '../test/support/schemas.js'
import { TYPICAL_ENVELOPE } from '../test/support/seed-documents.js'
import { UPSTREAM_SDK_BYTES } from '../test/support/upstream-bytes.js'
import { typeBoxAgreement } from './agreement.js'
import { measure, type Candidate } from './harness.js'
import { typeBoxChecks } from './typebox-validators.js'

const TARGET_RATIO = 2

const INPUTS = [
  { label: 'typical envelope', bytes: JSON.stringify(TYPICAL_ENVELOPE) },
  { label: 'upstream SDK bytes', bytes: UPSTREAM_SDK_BYTES },
] as const

for (const file of SCHEMA_FILES) registerSchema(file.schema as Parameters<typeof registerSchema>[0], file.id)
const hyperjump = await validate(schemaIdOf('operation'))
const typebox = typeBoxChecks()

const candidates: Candidate[] = []
for (const { label, bytes } of INPUTS) {
  const value: unknown = JSON.parse(bytes)
  const checks: Array<[string, () => unknown]> = [
    ['JSON.parse', () => JSON.parse(bytes)],
    ['shipped validateOperation', () => validateOperation(value).ok],
    ['Ajv verdict pass alone', () => verdict_operation(value)],
    ['Ajv all-errors pass', () => issues_operation(value)],
    // The other half of the shipped validator, measured alone to show where its time goes.
    ['JSON-ness walk alone', () => findNonJsonValue(value) === undefined],
    ['TypeBox 1.x Compile', () => typebox.operation(value)],
    ['@hyperjump/json-schema', () => hyperjump(value as Parameters<typeof hyperjump>[0]).valid],
  ]
  for (const [name, run] of checks) {
    if (name !== 'JSON.parse' && run() !== true) throw new Error(`${name} rejects the ${label}`)
    candidates.push({ name: `${label}\u0000${name}`, run })
  }
}

const started = performance.now()
const results = measure(candidates, { warmupMs: 250, rounds: 9, sliceMs: 120 })

const rows: string[][] = [['input', 'candidate', 'ops/s', 'x JSON.parse']]
const verdicts: string[] = []
for (const { label } of INPUTS) {
  const parse = results.get(`${label}\u0000JSON.parse`)!
  for (const candidate of candidates.filter((c) => c.name.startsWith(`${label}\u0000`))) {
    const name = candidate.name.split('\u0000')[1]!
    const ops = results.get(candidate.name)!
    rows.push([label, name, Math.round(ops).toLocaleString('en-US'), (ops / parse).toFixed(2)])
  }
  const ratio = results.get(`${label}\u0000shipped validateOperation`)! / parse
  verdicts.push(`${label}: shipped validator / JSON.parse = ${ratio.toFixed(2)} -> target >= ${TARGET_RATIO} ${ratio >= TARGET_RATIO ? 'MET' : 'NOT MET'}`)
}
const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
for (const row of rows) console.log(row.map((cell, column) => (column >= 2 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  '))
console.log(`\nmedian of 9 interleaved rounds, ${((performance.now() - started) / 1000).toFixed(1)} s of measuring; ratio = ops/s of the candidate / ops/s of JSON.parse of the same bytes`)
for (const line of verdicts) console.log(line)

const agreement = typeBoxAgreement(typebox)
const compared = agreement.fixtures + agreement.mutants
console.log(
  `\nTypeBox vs Ajv verdict pass: ${agreement.disagreements.length === 0 ? 'agree' : 'DISAGREE'} on ` +
    `${compared - agreement.disagreements.length}/${compared} documents (${agreement.fixtures} fixtures, ${agreement.mutants} mutants)`,
)
for (const d of agreement.disagreements.slice(0, 10)) console.log(`  ${d.document} ${d.id}: ajv ${d.ajv}, typebox ${d.typebox}\n    ${d.text.slice(0, 300)}`)
for (const { label } of INPUTS) {
  const ajv = results.get(`${label}\u0000Ajv verdict pass alone`)!
  const tb = results.get(`${label}\u0000TypeBox 1.x Compile`)!
  // Like the Ajv verdict pass, TypeBox's Check does not tell a Date or a class instance from a plain object,
  // so a TypeBox-based validator would keep the JSON-ness walk: compare it with the verdict pass.
  console.log(`${label}: TypeBox / Ajv verdict pass = ${(tb / ajv).toFixed(2)} (${tb > ajv ? 'TypeBox faster' : 'Ajv faster'})`)
}
