import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ConformanceReport } from '@compiled-sql/protocol'

/**
 * The `description` of every case in the report that did not pass, read from
 * its fixture file (`path` is relative to the corpus directory). The report
 * format has no description, and reading the few failing files costs less
 * than carrying every description in every report. A file that cannot be
 * read or has no description is left out: a summary is still useful without it.
 */
export async function readCaseDescriptions(report: ConformanceReport, fixturesDir: string): Promise<Map<string, string>> {
  const descriptions = new Map<string, string>()
  const wanted = report.cases.filter((result) => result.path !== undefined && (result.status === 'failed' || result.status === 'known_failure'))
  for (const result of wanted) {
    try {
      const fixture = JSON.parse(await readFile(join(fixturesDir, result.path as string), 'utf8')) as { description?: unknown }
      if (typeof fixture.description === 'string') descriptions.set(result.id, fixture.description)
    } catch {
      // Best effort, as documented: the id and the diff still say what failed.
    }
  }
  return descriptions
}
