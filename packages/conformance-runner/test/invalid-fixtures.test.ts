import { describe, expect, it } from 'vitest'
import { fixtureDir, invalidCase, tempDir, validCase, VALID_OPERATION } from './support/fixtures.js'
import { runCli } from './support/cli.js'

describe('an invalid corpus ends the run with exit code 65 before any case runs', () => {
  it('rejects a file that is not JSON', async () => {
    const dir = fixtureDir([validCase('alpha.one')], { 'alpha/broken.json': '{"id": ' })
    const run = await runCli(['envelopes', '--fixtures', dir])
    expect(run.code).toBe(65)
    expect(run.stderr).toContain('alpha/broken.json: not JSON')
    expect(run.stdout).toBe('')
  })

  it('rejects a file that fails envelope-fixture.schema.json, naming the pointer', async () => {
    const { description: _, ...withoutDescription } = validCase('alpha.one')
    const run = await runCli(['envelopes', '--fixtures', fixtureDir([withoutDescription])])
    expect(run.code).toBe(65)
    expect(run.stderr).toMatch(/alpha\/one\.json: missing_field at \/description/)
  })

  it('rejects an invalid case without expected errors', async () => {
    const { expect: _, ...noExpect } = invalidCase('alpha.bad', {}, [{ code: 'invalid_type', instancePath: '' }])
    expect((await runCli(['envelopes', '--fixtures', fixtureDir([noExpect])])).code).toBe(65)
  })

  it('rejects duplicate ids', async () => {
    const dir = fixtureDir([validCase('alpha.one')], { 'alpha.one.json': JSON.stringify(validCase('alpha.one')) })
    const run = await runCli(['envelopes', '--fixtures', dir])
    expect(run.code).toBe(65)
    expect(run.stderr).toContain('duplicate id alpha.one')
  })

  it('rejects a file stored under a path that does not spell its id', async () => {
    const dir = fixtureDir([], { 'alpha/other-name.json': JSON.stringify(validCase('alpha.one')) })
    const run = await runCli(['envelopes', '--fixtures', dir])
    expect(run.code).toBe(65)
    expect(run.stderr).toContain('id alpha.one belongs at alpha/one.json')
  })

  it('rejects an envelope_text that does not parse to the envelope, or is not JSON', async () => {
    const mismatch = validCase('alpha.text', VALID_OPERATION, { envelope_text: JSON.stringify({ ...VALID_OPERATION, operation: 'insert' }) })
    const notJson = validCase('alpha.not-json', VALID_OPERATION, { envelope_text: '{"operation": ' })
    const run = await runCli(['envelopes', '--fixtures', fixtureDir([mismatch, notJson])])
    expect(run.code).toBe(65)
    expect(run.stderr).toContain('alpha/text.json: envelope_text does not parse to envelope')
    expect(run.stderr).toContain('alpha/not-json.json: envelope_text is not JSON')
  })

  it('accepts an envelope_text with other separators and escapes that parses to the envelope', async () => {
    const text = JSON.stringify(VALID_OPERATION).replaceAll('":', '": ').replaceAll(',"', ', "').replace('SELECT', '\\u0053ELECT')
    const run = await runCli(['envelopes', '--fixtures', fixtureDir([validCase('alpha.text', VALID_OPERATION, { envelope_text: text })])])
    expect(run.code).toBe(0)
  })

  it('rejects a directory without fixtures', async () => {
    const run = await runCli(['envelopes', '--fixtures', tempDir()])
    expect(run.code).toBe(65)
    expect(run.stderr).toContain('no fixture files')
  })

  it('calls a missing directory a usage error (64)', async () => {
    const run = await runCli(['envelopes', '--fixtures', `${tempDir()}/nowhere`])
    expect(run.code).toBe(64)
    expect(run.stderr).toContain('fixtures directory not found')
  })
})
