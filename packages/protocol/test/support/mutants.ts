import fc from 'fast-check'
import { toJsonText } from './json-text.js'
import { pointerOf } from './json-path.js'
import { applyEdit, editsAt, type Edit } from './mutation-operators.js'
import { walk } from './schema-walk.js'
import type { WireDocument } from './schemas.js'

/** A valid document to mutate, as text. */
export interface MutationSeed {
  readonly id: string
  readonly document: WireDocument
  readonly text: string
}

/** A mutated document: the exact text every validator reads, and how it was made. */
export interface Mutant {
  readonly seedId: string
  readonly document: WireDocument
  readonly edits: readonly string[]
  readonly text: string
}

/** How many of a set to keep, chosen by fast-check from a fixed seed. */
export interface Sampling {
  readonly seed: number
  readonly count: number
}

/** At most `sampling.count` of `items`, chosen by fast-check from a fixed seed, in their original order. */
export function sample<T>(items: readonly T[], sampling: Sampling | undefined): T[] {
  if (sampling === undefined || items.length <= sampling.count) return [...items]
  const picks = fc.sample(fc.integer({ min: 0, max: items.length - 1 }), { seed: sampling.seed, numRuns: sampling.count })
  return [...new Set(picks)].sort((a, b) => a - b).map((index) => items[index]!)
}

/**
 * The single-edit mutants of the seeds: each operator at each site the schema
 * walk finds. All of them, or a fixed sample (chosen before any is built).
 */
export function singleEditMutants(seeds: readonly MutationSeed[], sampling?: Sampling): Mutant[] {
  const plans: Array<{ readonly seed: MutationSeed; readonly value: unknown; readonly edit: Edit }> = []
  for (const seed of seeds) {
    const value: unknown = JSON.parse(seed.text)
    for (const site of walk(seed.document, value)) for (const edit of editsAt(site)) plans.push({ seed, value, edit })
  }
  return sample(plans, sampling).flatMap(({ seed, value, edit }) => {
    const mutated = applyEdit(value, edit)
    return mutated === undefined ? [] : [{ seedId: seed.id, document: seed.document, edits: [edit.label], text: toJsonText(mutated) }]
  })
}

/** fast-check's choices for one edit of a compound mutant. */
interface Step {
  readonly site: number
  readonly pick: number
  readonly json: fc.JsonValue
  readonly text: string
  readonly number: number
}

const stepArbitrary: fc.Arbitrary<Step> = fc.record({
  site: fc.nat(),
  pick: fc.nat(),
  json: fc.jsonValue({ maxDepth: 2 }),
  text: fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\u0085', '\u001c', '\ufeff', '\u00a0', ')', 'a'), maxLength: 3 })),
  number: fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(2 ** 53 - 1, 2 ** 53, 2 ** 31 - 1, 2 ** 31)),
})

/** The edit a step chooses: one of the site's operator edits, or a fast-check value written there. */
function editOf(document: WireDocument, value: unknown, step: Step): Edit {
  const sites = walk(document, value)
  const site = sites[step.site % sites.length]!
  const at = pointerOf(site.path)
  const generated: Edit[] = [
    { kind: 'set', path: site.path, value: step.json, label: `json ${JSON.stringify(step.json)} at ${at}` },
    { kind: 'set', path: site.path, value: step.text, label: `text ${JSON.stringify(step.text)} at ${at}` },
    { kind: 'set', path: site.path, value: step.number, label: `number ${step.number} at ${at}` },
  ]
  const edits = [...editsAt(site), ...generated]
  return edits[step.pick % edits.length]!
}

/**
 * `count` mutants of one to four stacked edits, chosen by fast-check from a
 * fixed seed, so every run checks the same documents.
 */
export function compoundMutants(seeds: readonly MutationSeed[], options: { readonly seed: number; readonly count: number }): Mutant[] {
  if (seeds.length === 0) return []
  const arbitrary = fc.record({ seed: fc.nat(), steps: fc.array(stepArbitrary, { minLength: 1, maxLength: 4 }) })
  return fc.sample(arbitrary, { seed: options.seed, numRuns: options.count }).map(({ seed: index, steps }) => {
    const seed = seeds[index % seeds.length]!
    let value: unknown = JSON.parse(seed.text)
    const labels: string[] = []
    for (const step of steps) {
      const edit = editOf(seed.document, value, step)
      const mutated = applyEdit(value, edit)
      if (mutated === undefined) continue
      value = mutated
      labels.push(edit.label)
    }
    return { seedId: seed.id, document: seed.document, edits: labels, text: toJsonText(value) }
  })
}

/** Keeps the first mutant of each distinct (document, text). */
export function distinctMutants(mutants: readonly Mutant[]): Mutant[] {
  const seen = new Set<string>()
  return mutants.filter((mutant) => {
    const key = `${mutant.document}\u0000${mutant.text}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}


