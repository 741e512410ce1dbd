/**
 * Writes docs/conformance/matrix.md from the JSON reports of every in-repo
 * implementation, or with `--check` fails when the committed page differs.
 *
 *     tsx scripts/matrix.ts [--reports DIR] [--out FILE] [--check]
 *
 * Exit codes: 0 written or up to date, 1 out of date (`--check`), 64 a usage
 * error or a missing or invalid report.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { validateConformanceReport, type ConformanceReport } from '@compiled-sql/protocol'
import { IMPLEMENTATIONS, renderMatrix } from './matrix-table.js'

const PACKAGE = fileURLToPath(new URL('../', import.meta.url))
const REPO = resolve(PACKAGE, '../..')

function fail(message: string, code: number): never {
  process.stderr.write(`matrix: ${message}\n`)
  process.exit(code)
}

function readReport(dir: string, file: string, suite: string, script: string): ConformanceReport {
  const path = join(dir, file)
  let data: unknown
  try {
    data = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    fail(`cannot read ${path} (${(error as Error).message}); \`npm run ${script} -w @compiled-sql/conformance-runner\` writes it`, 64)
  }
  const result = validateConformanceReport(data)
  if (!result.ok) fail(`${path} is not a conformance report: ${result.errors.map((issue) => `${issue.code} at ${issue.instancePath}`).join(', ')}`, 64)
  if (result.value.suite !== suite) fail(`${path} is a ${result.value.suite} report; the matrix expects ${suite}`, 64)
  return result.value
}

function main(): void {
  let values: { reports?: string | undefined; out?: string | undefined; check?: boolean | undefined }
  try {
    values = parseArgs({ options: { reports: { type: 'string' }, out: { type: 'string' }, check: { type: 'boolean' } } }).values
  } catch (error) {
    fail((error as Error).message, 64)
  }
  const reports = resolve(values.reports ?? join(PACKAGE, 'reports'))
  const out = resolve(values.out ?? join(REPO, 'docs/conformance/matrix.md'))
  const rows = IMPLEMENTATIONS.map((implementation) => ({
    implementation,
    report: readReport(reports, implementation.report, implementation.suite, implementation.script),
  }))
  const text = renderMatrix(rows)
  if (values.check !== true) {
    writeFileSync(out, text)
    process.stdout.write(`matrix: wrote ${out}\n`)
    return
  }
  let committed = ''
  try {
    committed = readFileSync(out, 'utf8')
  } catch {
    // A missing page is out of date like any other.
  }
  if (committed !== text) {
    fail(`${out} does not match the reports in ${reports}. Regenerate it with \`npm run matrix -w @compiled-sql/conformance-runner\` and commit it.`, 1)
  }
  process.stdout.write(`matrix: ${out} is up to date\n`)
}

main()
