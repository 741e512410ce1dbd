import { describe, expect, it } from 'vitest'
import { measureCoverage } from './support/coverage.js'
import { COVERAGE_ALLOWLIST } from './support/coverage-allowlist.js'
import { loadFixtures } from './support/fixtures.js'
import type { Location } from './support/keywords.js'
import { COVERED_FILES, fileOfLocation, locationsInFiles, reachableLocations } from './support/schema-locations.js'
import { loadSchemaRegistry } from './support/schema-registry.js'

/**
 * The coverage gate (definitions in docs/conformance/coverage.md).
 *
 * A location is one constraint keyword occurrence (type, enum, const, pattern,
 * minLength, minItems, minimum, maximum, one per name listed by required,
 * additionalProperties: false, propertyNames, items, discriminator) in the
 * wire document schemas and the schemas they reference. Every location must be
 * reached by a valid fixture (its subschema is applied to a value of a type the
 * keyword constrains; for required, the property is present) and fail in an
 * invalid fixture (with an issue the fixture expects). A location no document
 * can reach or fail is excused only by COVERAGE_ALLOWLIST, with its reason.
 */
const registry = loadSchemaRegistry()
const written = locationsInFiles(registry)
const reachable = reachableLocations(registry)
const coverage = measureCoverage(registry, loadFixtures())

const excused = (side: 'valid' | 'invalid'): Set<Location> =>
  new Set(COVERAGE_ALLOWLIST.filter((entry) => side === 'invalid' || entry.side === 'both').map((entry) => entry.location))

const sorted = (locations: Iterable<Location>): Location[] => [...locations].sort()

describe('coverage gate: the locations', () => {
  it('the wire documents reference exactly the covered files', () => {
    expect(sorted(new Set([...reachable].map(fileOfLocation)))).toEqual(sorted(COVERED_FILES))
  })

  it('every allowlist entry names a location, once', () => {
    const named = COVERAGE_ALLOWLIST.map((entry) => entry.location)
    expect(named.filter((location) => !written.has(location))).toEqual([])
    expect(new Set(named).size).toBe(named.length)
  })

  it('the locations excused on both sides are exactly those no document can reach', () => {
    const unreachable = [...written].filter((location) => !reachable.has(location))
    expect(sorted(excused('valid'))).toEqual(sorted(unreachable))
  })
})

describe('coverage gate: the corpus', () => {
  it('reaches every location with a valid fixture', () => {
    const skip = excused('valid')
    expect(sorted([...written].filter((l) => !skip.has(l) && !coverage.reachedByValid.has(l)))).toEqual([])
  })

  it('fails every location with an invalid fixture', () => {
    const skip = excused('invalid')
    expect(sorted([...written].filter((l) => !skip.has(l) && !coverage.failedByInvalid.has(l)))).toEqual([])
  })

  it('covers no allowlisted location, so that the allowlist stays true', () => {
    const stale = COVERAGE_ALLOWLIST.filter(
      (entry) => coverage.failedByInvalid.has(entry.location) || (entry.side === 'both' && coverage.reachedByValid.has(entry.location)),
    )
    expect(stale.map((entry) => entry.location)).toEqual([])
  })
})
