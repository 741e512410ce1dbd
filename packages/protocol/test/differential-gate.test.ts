import { beforeAll, describe, expect, it } from 'vitest'
import { describeCase, disagreements, runGate, type GateRun, type JudgedCase } from './support/gate.js'

/**
 * The differential gate: the shipped validator, @hyperjump/json-schema and
 * Python jsonschema must give every document the same verdict (valid or
 * invalid). The documents are the fixture corpus, built-in valid seeds, and
 * schema-driven mutants of the valid ones, fixed by a fast-check seed.
 */
const OPTIONS = { seed: 0x5eed, compound: 2500, fixtureSingles: 3000 } as const

let run: GateRun

beforeAll(async () => {
  run = await runGate(OPTIONS)
  const counts = (source: JudgedCase['source']) => run.cases.filter((c) => c.source === source).length
  console.info(`differential gate: ${counts('fixture')} fixtures, ${counts('seed')} seeds, ${counts('mutant')} mutants`)
}, 600_000) // Thousands of mutants through three validators, one of them in Python: minutes when the whole pipeline shares 2 CPUs.

function report(cases: readonly JudgedCase[]): string {
  const shown = cases.slice(0, 25).map(describeCase).join('\n\n')
  return cases.length > 25 ? `${shown}\n\n... and ${cases.length - 25} more` : shown
}

describe('differential gate: shipped validator, @hyperjump/json-schema and Python jsonschema', () => {
  it('reads every fixture file of the corpus', () => {
    expect(run.corpus.unreadable.map((u) => `${u.file}: ${u.reason}`)).toEqual([])
  })

  it('starts from built-in seeds that all three validators accept', () => {
    const seeds = run.cases.filter((c) => c.source === 'seed')
    expect(seeds.length).toBeGreaterThan(0)
    for (const seed of seeds) expect(seed.verdicts, describeCase(seed)).toEqual({ shipped: 'valid', hyperjump: 'valid', python: 'valid' })
  })

  it('puts at least 3000 distinct mutants to the validators, valid and invalid ones', () => {
    const mutants = run.cases.filter((c) => c.source === 'mutant')
    expect(mutants.length).toBeGreaterThanOrEqual(3000)
    expect(new Set(mutants.map((m) => `${m.document}\u0000${m.text}`)).size).toBe(mutants.length)
    // A mutant set of only invalid documents would test little: some edits keep a document valid.
    expect(mutants.filter((m) => m.verdicts.shipped === 'valid').length).toBeGreaterThan(100)
    expect(mutants.filter((m) => m.verdicts.shipped === 'invalid').length).toBeGreaterThan(1000)
  })

  it('gives every fixture and seed the same verdict from all three validators', () => {
    const found = disagreements(run.cases.filter((c) => c.source !== 'mutant'))
    expect(found.length, report(found)).toBe(0)
  })

  it('gives every mutant the same verdict from all three validators', () => {
    const found = disagreements(run.cases.filter((c) => c.source === 'mutant'))
    expect(found.length, report(found)).toBe(0)
  })
})
