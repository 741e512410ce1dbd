import { validateEnvelopeFixture } from '@compiled-sql/protocol'
import { describe, expect, it } from 'vitest'
import { loadCheckedFixtures, loadFixtureFiles } from './support/fixtures.js'

/** The least the corpus holds for the envelope itself; the response documents have no quota. */
const MIN_OPERATION_CASES = { valid: 60, invalid: 120 }

const files = loadFixtureFiles()
const checked = loadCheckedFixtures()

describe('fixture files', () => {
  it('the corpus holds cases', () => {
    expect(files.length).toBeGreaterThan(0)
  })

  it.each(files.map((file) => [file.path, file] as const))('%s is a well-formed envelope fixture', (_, file) => {
    expect(file.parseError).toBeUndefined()
    const result = validateEnvelopeFixture(file.content)
    expect(result.ok ? [] : result.errors).toEqual([])
  })
})

describe('fixture ids, paths and wording', () => {
  it('ids are unique', () => {
    const seen = new Map<string, string>()
    const duplicates: string[] = []
    for (const { path, fixture } of checked) {
      const first = seen.get(fixture.id)
      if (first !== undefined) duplicates.push(`${fixture.id}: ${first} and ${path}`)
      seen.set(fixture.id, path)
    }
    expect(duplicates).toEqual([])
  })

  it.each(checked.map((c) => [c.fixture.id, c] as const))('%s is stored at <group>/<name>.json', (id, { path }) => {
    const [group, name, ...rest] = id.split('.')
    expect(rest).toEqual([])
    expect(path).toBe(`${group}/${name}.json`)
  })

  it.each(checked.map((c) => [c.fixture.id, c] as const))('%s states a fact and has tags', (_, { fixture }) => {
    expect(fixture.description).not.toMatch(/\bshould\b/i)
    expect(fixture.tags.length).toBeGreaterThan(0)
  })

  it('a group named after a response document holds only that document', () => {
    const misplaced = checked
      .filter(({ fixture }) => fixture.document !== 'operation')
      .filter(({ fixture }) => fixture.id.split('.')[0] !== fixture.document)
      .map(({ fixture }) => `${fixture.id} (${fixture.document})`)
    expect(misplaced).toEqual([])
  })
})

describe('envelope_text', () => {
  const withText = checked.filter(({ fixture }) => fixture.envelope_text !== undefined)

  it.each(withText.map((c) => [c.fixture.id, c] as const))('%s: envelope_text parses to envelope', (_, { fixture }) => {
    expect(JSON.parse(fixture.envelope_text as string)).toStrictEqual(fixture.envelope)
  })
})

describe('corpus size', () => {
  const operation = checked.filter(({ fixture }) => fixture.document === 'operation')

  it(`holds at least ${MIN_OPERATION_CASES.valid} valid operation cases`, () => {
    expect(operation.filter(({ fixture }) => fixture.valid).length).toBeGreaterThanOrEqual(MIN_OPERATION_CASES.valid)
  })

  it(`holds at least ${MIN_OPERATION_CASES.invalid} invalid operation cases`, () => {
    expect(operation.filter(({ fixture }) => !fixture.valid).length).toBeGreaterThanOrEqual(MIN_OPERATION_CASES.invalid)
  })
})
