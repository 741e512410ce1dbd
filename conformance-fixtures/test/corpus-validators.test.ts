import { VALIDATORS } from '@compiled-sql/protocol'
import { describe, expect, it } from 'vitest'
import { documentOf, loadFixtures } from './support/fixtures.js'

/**
 * The pass rule of the corpus, applied to our own validators: a valid case is
 * accepted; an invalid case is rejected and every expected {code, instancePath}
 * is among the reported issues. Messages are never compared.
 */
const fixtures = loadFixtures()

describe('the corpus through @compiled-sql/protocol', () => {
  it.each(fixtures.map((fixture) => [fixture.id, fixture] as const))('%s', (_, fixture) => {
    const result = VALIDATORS[fixture.document](documentOf(fixture))
    if (fixture.valid) {
      expect(result.ok ? [] : result.errors).toEqual([])
      return
    }
    expect(result.ok).toBe(false)
    const reported = result.ok ? [] : result.errors.map(({ code, instancePath }) => ({ code, instancePath }))
    for (const issue of fixture.expect.errors) expect(reported).toContainEqual(issue)
  })
})
