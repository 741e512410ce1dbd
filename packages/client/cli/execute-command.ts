import { OperationBuildError, RequestError, type ReadProgress, type Row } from '../src/index.js'
import { clientFromFlags, timeoutFlag, type ConnectionFlags } from './connection-flags.js'
import { EXIT } from './exit-codes.js'
import type { Io } from './io.js'
import { readInput } from './read-input.js'
import { columnNames, renderCsv, renderTable } from './render-rows.js'
import { reportRequestFailure } from './report-failure.js'
import { InputError, UsageError } from './usage-error.js'

/** The flags of `compiled-sql meta-table execute`. */
export interface ExecuteFlags extends ConnectionFlags {
  readonly format?: string
  readonly idempotencyKey?: string
  readonly timeout?: string
}

const FORMATS = ['table', 'json', 'csv'] as const
type Format = (typeof FORMATS)[number]

function progressReporter(io: Io): (progress: ReadProgress) => void {
  const live = io.stderr.isTTY === true
  return ({ pages, rows, maxRows, fetchingMore }) => {
    const text = `page ${pages}: ${rows}/${maxRows} rows${fetchingMore ? ', fetching more' : ''}`
    io.stderr.write(live ? `\r\x1b[2K${text}${fetchingMore ? '' : '\n'}` : `${text}\n`)
  }
}

function parseEnvelope(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new InputError(`${source} is not JSON: ${(error as Error).message}`)
  }
}

/**
 * `compiled-sql meta-table execute <operation.json|->`: sends an envelope.
 * A select follows `next_offset` page by page with progress on stderr; a
 * write is sent once. Output is `--format table` (default), `json` (the
 * merged result) or `csv`.
 */
export async function executeCommand(path: string, flags: ExecuteFlags, io: Io): Promise<number> {
  const format = (flags.format ?? 'table') as Format
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got ${flags.format}`)
  const timeoutMs = timeoutFlag(flags.timeout)
  const client = clientFromFlags(flags, io.env, timeoutMs === undefined ? {} : { timeoutMs })
  const envelope = parseEnvelope(await readInput(path, io.stdin), path === '-' ? 'standard input' : path)
  try {
    const result = await client.executeOperation(envelope, {
      onProgress: progressReporter(io),
      ...(flags.idempotencyKey !== undefined && { idempotencyKey: flags.idempotencyKey }),
    })
    if (format === 'json') {
      io.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
      return EXIT.ok
    }
    const rows: readonly Row[] = result.rows
    const names = columnNames(rows, result.columns)
    if (format === 'csv') {
      io.stdout.write(renderCsv(rows, names))
      return EXIT.ok
    }
    io.stdout.write(`${result.operation}: ${result.row_count} row(s)${result.truncated ? ' (truncated: more rows exist)' : ''}\n\n`)
    if (rows.length > 0 || result.operation === 'select') io.stdout.write(renderTable(rows, names))
    for (const warning of result.warnings ?? []) io.stderr.write(`warning: ${warning.code}: ${warning.message}\n`)
    return EXIT.ok
  } catch (error) {
    if (error instanceof OperationBuildError) {
      const issues = error.issues.map((issue) => `  ${issue.code}\t${issue.instancePath === '' ? '(root)' : issue.instancePath}\t${issue.message}`)
      throw new InputError(`${path === '-' ? 'standard input' : path} is not a valid envelope:\n${issues.join('\n')}`)
    }
    if (!(error instanceof RequestError)) throw error
    reportRequestFailure(error, io, format === 'json')
    return EXIT.failed
  }
}
