import { readFixtureCorpus, type FixtureCorpus } from './fixtures.js'
import { compoundMutants, distinctMutants, singleEditMutants, type MutationSeed } from './mutants.js'
import { pythonVerdicts } from './python-verdicts.js'
import type { WireDocument } from './schemas.js'
import { SEED_DOCUMENTS } from './seed-documents.js'
import { hyperjumpValidators, hyperjumpVerdict, shippedVerdict, type Verdicts } from './verdicts.js'

/** Where a gate case comes from. */
export type CaseSource = 'seed' | 'fixture' | 'mutant'

/** One document the gate puts to all three validators, and their verdicts. */
export interface JudgedCase {
  readonly source: CaseSource
  readonly id: string
  readonly document: WireDocument
  readonly text: string
  readonly edits: readonly string[]
  readonly verdicts: Verdicts
}

/** How many mutants the gate makes. Fixed, with the fast-check seed, so every run checks the same documents. */
export interface GateOptions {
  readonly seed: number
  /** Stacked-edit mutants from fast-check. */
  readonly compound: number
  /** At most this many single-edit mutants of the corpus's valid cases (the built-in seeds get all of theirs). */
  readonly fixtureSingles: number
}

/** Everything the gate judged. */
export interface GateRun {
  readonly corpus: FixtureCorpus
  readonly cases: readonly JudgedCase[]
}

type PendingCase = Omit<JudgedCase, 'verdicts'>

function agree(v: Verdicts): boolean {
  return v.shipped === v.hyperjump && v.shipped === v.python
}

/**
 * Builds the seeds, the corpus cases and the mutants, and asks each validator
 * for its verdict on the same text: the shipped one and hyperjump on
 * `JSON.parse(text)`, Python on the text itself, in one batch.
 */
export async function runGate(options: GateOptions): Promise<GateRun> {
  const corpus = readFixtureCorpus()
  const fixtureSeeds: MutationSeed[] = corpus.cases.filter((c) => c.valid).map((c) => ({ id: c.id, document: c.document, text: c.text }))
  const seeds = [...SEED_DOCUMENTS, ...fixtureSeeds]
  const mutants = distinctMutants([
    ...singleEditMutants(SEED_DOCUMENTS),
    ...singleEditMutants(fixtureSeeds, { seed: options.seed, count: options.fixtureSingles }),
    ...compoundMutants(seeds, { seed: options.seed, count: options.compound }),
  ])
  const pending: PendingCase[] = [
    ...SEED_DOCUMENTS.map((s) => ({ source: 'seed' as const, id: s.id, document: s.document, text: s.text, edits: [] })),
    ...corpus.cases.map((c) => ({ source: 'fixture' as const, id: c.id, document: c.document, text: c.text, edits: [] })),
    ...mutants.map((m) => ({ source: 'mutant' as const, id: m.seedId, document: m.document, text: m.text, edits: m.edits })),
  ]
  const hyperjump = await hyperjumpValidators()
  const python = pythonVerdicts(pending)
  const cases = pending.map((c, index): JudgedCase => {
    const verdicts: Verdicts = {
      shipped: shippedVerdict(c.document, JSON.parse(c.text)),
      hyperjump: hyperjumpVerdict(hyperjump, c.document, JSON.parse(c.text)),
      python: python[index]!,
    }
    return { ...c, verdicts }
  })
  return { corpus, cases }
}

/** Cases where the validators disagree. */
export function disagreements(cases: readonly JudgedCase[]): JudgedCase[] {
  return cases.filter((c) => !agree(c.verdicts))
}

/** Non-ASCII as \u escapes, so lone surrogates and odd whitespace show. */
function visible(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** A disagreement, printed so it can be reproduced: the document name, each verdict, the edits, the text. */
export function describeCase(c: JudgedCase): string {
  const shown = visible(c.text)
  const text = shown.length > 2000 ? `${shown.slice(0, 2000)}... (${shown.length} chars)` : shown
  return [
    `${c.source} ${c.id} [${c.document}]${c.edits.length > 0 ? ` edits: ${visible(c.edits.join('; '))}` : ''}`,
    `  shipped: ${c.verdicts.shipped}, hyperjump: ${c.verdicts.hyperjump}, python: ${c.verdicts.python}`,
    `  text: ${text}`,
  ].join('\n')
}
