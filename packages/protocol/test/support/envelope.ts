import type { ValidationResult } from '../../src/index.js'

/** A minimal valid envelope, fresh each call so a test can break it in place. */
export function envelope(): Record<string, any> {
  return {
    operation: 'select',
    version: 'compiled-sql.v1',
    statement: { sql: 'SELECT 1', parameters: {} },
    scope: { tables: [{ meta_table_uid: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa' }] },
  }
}

/** A minimal valid envelope whose `statement.parameters` is `parameters`. */
export function withParameters(parameters: unknown): Record<string, any> {
  const document = envelope()
  document.statement.parameters = parameters
  return document
}

/** What a result says, reduced to what the protocol fixes: `'ok'`, or each issue's `[code, instancePath]`. */
export function outcome(result: ValidationResult<unknown>): 'ok' | Array<[string, string]> {
  return result.ok ? 'ok' : result.errors.map((issue) => [issue.code, issue.instancePath])
}
