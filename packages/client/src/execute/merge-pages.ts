import type { SelectResult } from '@compiled-sql/protocol'

/**
 * Merges the pages of one read into one result, as the upstream SDK does:
 * rows concatenated, `row_count` and `pagination.returned_count` the total,
 * `max_rows` and `pagination.limit` the requested total, `offset` the first
 * page's, and `has_more`, `next_offset` and `truncated` from the last page.
 * Warnings are kept once per code; `columns`, `scope` and `request_id` come
 * from the first page.
 */
export function mergePages(pages: readonly SelectResult[], requestedMaxRows: number): SelectResult {
  const [first] = pages
  const last = pages[pages.length - 1]
  if (first === undefined || last === undefined) throw new RangeError('mergePages needs at least one page')
  if (pages.length === 1) return first
  const rows = pages.flatMap((page) => page.rows)
  const warnings = new Map(pages.flatMap((page) => page.warnings ?? []).map((warning) => [warning.code, warning]))
  const merged: SelectResult = {
    ...first,
    row_count: rows.length,
    rows,
    truncated: last.truncated,
    max_rows: requestedMaxRows,
    pagination: {
      limit: requestedMaxRows,
      offset: first.pagination.offset,
      returned_count: rows.length,
      has_more: last.pagination.has_more,
      next_offset: last.pagination.next_offset,
    },
  }
  if (warnings.size > 0) merged.warnings = [...warnings.values()]
  return merged
}
