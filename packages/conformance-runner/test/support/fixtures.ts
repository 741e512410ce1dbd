import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** A minimal valid operation envelope. */
export const VALID_OPERATION = {
  operation: 'select',
  version: 'compiled-sql.v1',
  statement: { sql: 'SELECT 1' },
  scope: { tables: [{ meta_table_uid: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa' }] },
}

/** A valid case. */
export function validCase(id: string, envelope: unknown = VALID_OPERATION, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, description: `case ${id}`, tags: ['test'], document: 'operation', valid: true, envelope, ...extra }
}

/** An invalid case expecting `errors`. */
export function invalidCase(id: string, envelope: unknown, errors: Array<{ code: string; instancePath: string }>): Record<string, unknown> {
  return { id, description: `case ${id}`, tags: ['test'], document: 'operation', valid: false, envelope, expect: { errors } }
}

/** A fresh temporary directory. */
export function tempDir(prefix = 'conformance-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** Writes each case at `<group>/<name>.json` (or at `files[id]` when given) and returns the directory. */
export function fixtureDir(cases: ReadonlyArray<Record<string, unknown>>, raw: Readonly<Record<string, string>> = {}): string {
  const dir = tempDir('fixtures-')
  for (const fixture of cases) {
    const id = String(fixture.id)
    write(join(dir, `${id.replace('.', '/')}.json`), `${JSON.stringify(fixture, null, 2)}\n`)
  }
  for (const [path, text] of Object.entries(raw)) write(join(dir, path), text)
  return dir
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
}

/** A small corpus with two groups: three valid cases and one invalid. */
export function smallCorpus(): string {
  return fixtureDir([
    validCase('alpha.one'),
    validCase('alpha.two'),
    validCase('beta.one'),
    invalidCase('beta.missing-sql', { ...VALID_OPERATION, statement: {} }, [{ code: 'missing_field', instancePath: '/statement/sql' }]),
  ])
}
