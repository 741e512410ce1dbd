import { isErrorCode, type AdapterResponse, type AdapterValidate, type EnvelopeFixture, type ExpectedIssue } from '@compiled-sql/protocol'
import type { CaseVerdict } from '../report/case-verdict.js'

/**
 * Applies the pass rule: a valid case passes when the document is accepted;
 * an invalid case passes when it is rejected and every expected
 * `{code, instancePath}` is among the reported issues. Messages are never
 * compared, extra issues are allowed, and an issue code outside the
 * vocabulary fails the case.
 */
export function evaluateEnvelopeCase(fixture: EnvelopeFixture, request: AdapterValidate, response: AdapterResponse): CaseVerdict {
  const expected = fixture.valid ? { valid: true } : { valid: false, errors: fixture.expect.errors }
  const fail = (message: string, actual?: unknown): CaseVerdict => ({
    status: 'failed',
    failure: { message, expected, ...(actual === undefined ? {} : { actual }), request, response },
  })
  switch (response.type) {
    case 'skip':
      return { status: 'skipped', reason: response.reason }
    case 'error':
      return fail(`the implementation could not handle the case: ${response.message}`)
    case 'hello':
    case 'outcome':
      return fail(`the implementation answered with ${response.type}`)
    case 'result':
      break
  }
  const actual = { valid: response.valid, issues: response.issues.map(({ code, instancePath }) => ({ code, instancePath })) }
  const foreign = response.issues.filter((issue) => !isErrorCode(issue.code))
  if (foreign.length > 0) return fail(`issue codes outside the vocabulary: ${foreign.map((issue) => issue.code).join(', ')}`, actual)
  if (fixture.valid) return response.valid ? { status: 'passed' } : fail('a valid document was rejected', actual)
  if (response.valid) return fail('an invalid document was accepted', actual)
  const missing = fixture.expect.errors.filter((want) => !response.issues.some((got) => sameIssue(want, got)))
  if (missing.length === 0) return { status: 'passed' }
  return fail(`the document was rejected, but these issues were not reported: ${missing.map(describeIssue).join(', ')}`, actual)
}

function sameIssue(want: ExpectedIssue, got: { readonly code: string; readonly instancePath: string }): boolean {
  return want.code === got.code && want.instancePath === got.instancePath
}

function describeIssue(issue: ExpectedIssue): string {
  return `${issue.code} at ${issue.instancePath === '' ? '(root)' : issue.instancePath}`
}
