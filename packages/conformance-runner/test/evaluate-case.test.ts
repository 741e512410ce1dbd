import type { AdapterResponse, AdapterValidate, EnvelopeFixture } from '@compiled-sql/protocol'
import { describe, expect, it } from 'vitest'
import { evaluateEnvelopeCase } from '../src/index.js'
import { invalidCase, validCase, VALID_OPERATION } from './support/fixtures.js'

const invalid = invalidCase('statement.sql-missing', { ...VALID_OPERATION, statement: {} }, [
  { code: 'missing_field', instancePath: '/statement/sql' },
]) as unknown as EnvelopeFixture
const valid = validCase('operation.minimal') as unknown as EnvelopeFixture
const request = (fixture: EnvelopeFixture): AdapterValidate => ({ type: 'validate', id: fixture.id, document: fixture.document, text: '{}' })
const result = (id: string, valid: boolean, issues: Array<{ code: string; instancePath: string }> = []): AdapterResponse => ({
  type: 'result',
  id,
  valid,
  issues,
})

describe('evaluateEnvelopeCase', () => {
  it('passes a valid case that is accepted, and fails it when rejected', () => {
    expect(evaluateEnvelopeCase(valid, request(valid), result(valid.id, true))).toEqual({ status: 'passed' })
    const verdict = evaluateEnvelopeCase(valid, request(valid), result(valid.id, false, [{ code: 'invalid_type', instancePath: '' }]))
    expect(verdict).toMatchObject({ status: 'failed', failure: { expected: { valid: true }, actual: { valid: false } } })
  })

  it('passes an invalid case when every expected issue is reported, extra issues allowed', () => {
    const issues = [
      { code: 'too_small', instancePath: '/scope/tables' },
      { code: 'missing_field', instancePath: '/statement/sql' },
    ]
    expect(evaluateEnvelopeCase(invalid, request(invalid), result(invalid.id, false, issues))).toEqual({ status: 'passed' })
  })

  it('fails an invalid case that is accepted or misses an expected issue, naming what is missing', () => {
    expect(evaluateEnvelopeCase(invalid, request(invalid), result(invalid.id, true))).toMatchObject({ status: 'failed' })
    const wrongPointer = evaluateEnvelopeCase(invalid, request(invalid), result(invalid.id, false, [{ code: 'missing_field', instancePath: '/statement' }]))
    expect(wrongPointer).toMatchObject({ status: 'failed', failure: { message: expect.stringContaining('missing_field at /statement/sql') } })
  })

  it('fails a case whose issues use a code outside the vocabulary', () => {
    const issues = [
      { code: 'missing_field', instancePath: '/statement/sql' },
      { code: 'missing_sql', instancePath: '/statement/sql' },
    ]
    expect(evaluateEnvelopeCase(invalid, request(invalid), result(invalid.id, false, issues))).toMatchObject({
      status: 'failed',
      failure: { message: expect.stringContaining('missing_sql') },
    })
  })

  it('skips on a skip answer and fails on an error answer, keeping request and response', () => {
    const skip: AdapterResponse = { type: 'skip', id: valid.id, reason: 'not implemented' }
    expect(evaluateEnvelopeCase(valid, request(valid), skip)).toEqual({ status: 'skipped', reason: 'not implemented' })
    const error: AdapterResponse = { type: 'error', id: valid.id, message: 'boom' }
    expect(evaluateEnvelopeCase(valid, request(valid), error)).toMatchObject({
      status: 'failed',
      failure: { request: request(valid), response: error },
    })
  })
})
