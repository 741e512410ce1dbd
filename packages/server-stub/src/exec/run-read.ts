import { encodeResult } from './encode-result.js'
import { ExecutionError } from './execution-error.js'
import type { ExecutionRequest, ExecutionResult, PageRequest } from './execution-request.js'
import { toExecutionError } from './map-database-error.js'
import { sendLimitedQuery } from './limited-query.js'
import { inOneWrite, sendQuery, type RawResult } from './pg-query.js'
import { catalogQuery, sendBegin, sendEnd, sendStatement, type Session } from './session.js'

const CURSOR = 'compiled_sql_page'
const DECLARE = `DECLARE ${CURSOR} NO SCROLL CURSOR FOR `
// FETCH and MOVE counts are int4 in PostgreSQL's grammar.
const MAX_COUNT = 2_147_483_647

function checkPage(page: PageRequest): void {
  const { offset, limit } = page
  if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(limit) || limit < 0 || limit >= MAX_COUNT) {
    throw new ExecutionError('internal_error', `invalid page: offset ${offset}, limit ${limit}`)
  }
}

/**
 * The statements that produce a page, `limit + 1` rows (the extra one only
 * tells whether more follow) after `offset`, without touching the SQL. The
 * first page is the statement itself, executed with the protocol's row limit.
 * A later page declares the statement as a cursor, `MOVE`s past `offset` rows
 * and `FETCH`es; an offset beyond int4 moves to the end, since no result that
 * large can be read within a timeout.
 */
function sendPage(session: Session, request: ExecutionRequest, page: PageRequest): Promise<RawResult>[] {
  const { client } = session
  const values = request.parameters.map((p) => p.value)
  const typeOids = request.parameters.map((p) => p.typeOid)
  if (page.offset === 0) return [sendLimitedQuery(client, request.text, values, typeOids, page.limit + 1)]
  const steps = [sendQuery(client, DECLARE + request.text, values, typeOids)]
  steps.push(sendQuery(client, page.offset > MAX_COUNT ? `MOVE FORWARD ALL IN ${CURSOR}` : `MOVE FORWARD ${page.offset} IN ${CURSOR}`))
  steps.push(sendQuery(client, `FETCH FORWARD ${page.limit + 1} FROM ${CURSOR}`))
  return steps
}

/**
 * Runs a read in one network round trip and one socket write: `BEGIN READ
 * ONLY` with the settings, the statement (or its cursor steps), `ROLLBACK` and
 * `DISCARD ALL` go out together (pipelined), each with its own Sync, so an
 * error stops nothing but its own statement, and every later step of the
 * transaction then finds it aborted.
 */
export async function runRead(session: Session, request: ExecutionRequest): Promise<ExecutionResult> {
  const { page } = request
  if (page !== undefined) checkPage(page)
  const { begin, body, end } = inOneWrite(session.client, () => ({
    begin: sendBegin(session, request),
    body: page === undefined ? [sendStatement(session, request)] : sendPage(session, request, page),
    end: sendEnd(session, 'ROLLBACK'),
  }))
  const [opened, ran] = await Promise.all([Promise.allSettled([begin]), Promise.allSettled(body)])
  await end
  const failure = [...opened, ...ran].find((outcome) => outcome.status === 'rejected')
  if (failure !== undefined) {
    // Only the DECLARE carries the request's text behind a prefix; its positions are shifted back.
    const declared = page !== undefined && page.offset > 0 && failure === ran[0]
    throw toExecutionError(failure.reason, { positionOffset: declared ? DECLARE.length : 0 })
  }
  const raw = (ran.at(-1) as PromiseFulfilledResult<RawResult>).value
  try {
    if (page === undefined) {
      const encoded = await encodeResult(raw, session.catalog, catalogQuery(session), request.maxReturnedRows)
      return { ...encoded, rowCount: encoded.rows.length, hasMore: false }
    }
    const encoded = await encodeResult(raw, session.catalog, catalogQuery(session), page.limit)
    return { columns: encoded.columns, rows: encoded.rows, rowCount: encoded.rows.length, hasMore: encoded.truncated, truncated: false }
  } catch (error) {
    throw toExecutionError(error)
  }
}
