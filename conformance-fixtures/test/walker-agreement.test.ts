import { describe, expect, it } from 'vitest'
import { documentOf, loadFixtures } from './support/fixtures.js'
import { DOCUMENT_FILES } from './support/schema-locations.js'
import { loadSchemaRegistry } from './support/schema-registry.js'
import { evaluate } from './support/schema-walker.js'

/**
 * A second oracle for the corpus: the independent schema walker, which derives
 * issues from the schemas by the protocol's rules without Ajv, agrees with
 * every fixture. A fixture whose expectations do not follow from the schema
 * fails here even if a validator happens to report them.
 */
const registry = loadSchemaRegistry()
const fixtures = loadFixtures()

describe('the corpus through the independent schema walker', () => {
  it.each(fixtures.map((fixture) => [fixture.id, fixture] as const))('%s', (_, fixture) => {
    const { issues } = evaluate(registry, DOCUMENT_FILES[fixture.document], documentOf(fixture))
    if (fixture.valid) {
      expect(issues).toEqual([])
      return
    }
    expect(issues.length).toBeGreaterThan(0)
    for (const issue of fixture.expect.errors) expect(issues).toContainEqual(issue)
  })
})
