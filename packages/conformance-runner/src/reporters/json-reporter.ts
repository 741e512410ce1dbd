import type { ConformanceReport } from '@compiled-sql/protocol'

/** The report as pretty-printed JSON text, newline-terminated. */
export function formatJsonReport(report: ConformanceReport): string {
  return `${JSON.stringify(report, null, 2)}\n`
}
