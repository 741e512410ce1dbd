import type { ServerRequest } from '@compiled-sql/protocol'
import { isJsonNumber } from './exact-json.js'

type Json = Record<string, unknown>

/** The most pages one walk may take: a server whose `next_offset` never ends must not hang the run. */
export const MAX_PAGES = 1000

/** One page's answer, as the walk needs it. */
export interface PageAnswer {
  readonly status: number
  readonly body: unknown
}

/** A finished walk: the `[offset, max_rows]` sent, and the merged result (absent when a page was not a 200 select page). */
export interface PageWalk<A extends PageAnswer> {
  readonly answers: readonly A[]
  readonly pages: readonly (readonly [number, number])[]
  readonly merged: Json | undefined
  readonly problem?: string
}

function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined
}

function asNumber(value: unknown): number | undefined {
  return isJsonNumber(value) ? Number(value) : undefined
}

/**
 * Reads a select to the end as the upstream SDK does (compiled-sql.v1 §6):
 * while a page says `has_more` with a `next_offset` and fewer than
 * `max_rows` rows are collected, re-post the same envelope with
 * `limits.offset = next_offset` and `limits.max_rows` = the rows still
 * missing; then merge the pages as the SDK does. The first request is the
 * envelope exactly as given.
 */
export async function followPages<A extends PageAnswer>(request: ServerRequest, send: (request: ServerRequest) => Promise<A>): Promise<PageWalk<A>> {
  const envelope = asObject(request.json) ?? {}
  const limits = asObject(envelope.limits) ?? {}
  const wanted = asNumber(limits.max_rows) ?? 1000
  const firstOffset = asNumber(limits.offset) ?? 0
  const answers: A[] = []
  const pages: (readonly [number, number])[] = []
  const rows: unknown[] = []
  let next: ServerRequest = request
  let offset = firstOffset
  for (;;) {
    pages.push([offset, wanted - rows.length])
    const answer = await send(next)
    answers.push(answer)
    const body = asObject(answer.body)
    const pagination = asObject(body?.pagination)
    if (answer.status !== 200 || body === undefined || pagination === undefined || !Array.isArray(body.rows)) return { answers, pages, merged: undefined }
    rows.push(...body.rows)
    const nextOffset = asNumber(pagination.next_offset)
    if (pagination.has_more !== true || nextOffset === undefined || rows.length >= wanted) {
      const merged = {
        ...body,
        rows,
        row_count: rows.length,
        truncated: pagination.has_more,
        pagination: { limit: wanted, offset: firstOffset, returned_count: rows.length, has_more: pagination.has_more, next_offset: pagination.next_offset },
      }
      return { answers, pages, merged }
    }
    if (pages.length >= MAX_PAGES) return { answers, pages, merged: undefined, problem: `still has_more after ${MAX_PAGES} pages` }
    offset = nextOffset
    next = { ...request, json: { ...envelope, limits: { ...limits, offset, max_rows: wanted - rows.length } } }
  }
}
