import type { EnvelopeFixture } from '@compiled-sql/protocol'
import { documentOf } from './fixtures.js'
import type { Location } from './keywords.js'
import { DOCUMENT_FILES } from './schema-locations.js'
import type { SchemaRegistry } from './schema-registry.js'
import { evaluate } from './schema-walker.js'

/** Which locations the corpus exercises, from each side. */
export interface Coverage {
  /** Locations some valid fixture's document visits. */
  readonly reachedByValid: ReadonlySet<Location>
  /** Locations some invalid fixture makes fail, with an issue its `expect.errors` lists. */
  readonly failedByInvalid: ReadonlySet<Location>
}

/**
 * Measures the corpus. An invalid fixture counts for a location only when the
 * location's failure produces an issue the fixture expects: a location that
 * fails by accident, next to the issue the case is about, asserts nothing.
 */
export function measureCoverage(registry: SchemaRegistry, fixtures: readonly EnvelopeFixture[]): Coverage {
  const reachedByValid = new Set<Location>()
  const failedByInvalid = new Set<Location>()
  for (const fixture of fixtures) {
    const evaluation = evaluate(registry, DOCUMENT_FILES[fixture.document], documentOf(fixture))
    if (fixture.valid) {
      for (const location of evaluation.visited) reachedByValid.add(location)
      continue
    }
    const expected = new Set(fixture.expect.errors.map((e) => `${e.code} ${e.instancePath}`))
    for (const failure of evaluation.failures) {
      if (failure.issues.some((issue) => expected.has(`${issue.code} ${issue.instancePath}`))) failedByInvalid.add(failure.location)
    }
  }
  return { reachedByValid, failedByInvalid }
}
