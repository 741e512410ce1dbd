import type { ConformanceReport } from '@compiled-sql/protocol'
import { readCaseDescriptions } from '../reporters/case-descriptions.js'
import { formatJsonReport } from '../reporters/json-reporter.js'
import { formatJunitReport } from '../reporters/junit-reporter.js'
import { formatMarkdownReport } from '../reporters/markdown-reporter.js'
import { formatPrettyReport } from '../reporters/pretty-reporter.js'
import { formatTapReport } from '../reporters/tap-reporter.js'
import type { CliIo } from './io.js'
import { writeOutput } from './write-output.js'

/** The report options every suite command shares. */
export interface ReportOutputOptions {
  readonly report?: string
  readonly junit?: string
  readonly tap?: string
  readonly markdown?: string
  readonly format?: 'pretty' | 'json'
}

/**
 * Writes the report to every file the options name, then prints it on stdout
 * (pretty on a terminal, else JSON, unless `--format` says). `fixturesDir` is
 * where the Markdown summary reads the failing cases' descriptions from.
 */
export async function writeReports(report: ConformanceReport, options: ReportOutputOptions, io: CliIo, fixturesDir: string): Promise<void> {
  if (options.report !== undefined) await writeOutput(options.report, formatJsonReport(report), io.stdout)
  if (options.junit !== undefined) await writeOutput(options.junit, formatJunitReport(report), io.stdout)
  if (options.tap !== undefined) await writeOutput(options.tap, formatTapReport(report), io.stdout)
  if (options.markdown !== undefined) {
    const descriptions = await readCaseDescriptions(report, fixturesDir)
    await writeOutput(options.markdown, formatMarkdownReport(report, { descriptions }), io.stdout)
  }
  const format = options.format ?? (io.stdout.isTTY === true ? 'pretty' : 'json')
  if (format === 'json') io.stdout.write(formatJsonReport(report))
  else io.stdout.write(formatPrettyReport(report, { color: io.stdout.isTTY === true && io.env.NO_COLOR === undefined }))
}

