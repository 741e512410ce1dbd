import type { AdapterBuild, AdapterExecute, AdapterOutcome, AdapterResponse, AdapterRunQuery } from '@compiled-sql/protocol'
import { buildOperation, MetaTableClient } from '../src/index.js'
import { operationInput } from './build-input.js'
import { describeClientError } from './describe-error.js'

/** A client configured as the request says, with the client's own retry defaults. */
function clientFor(request: AdapterExecute | AdapterRunQuery): MetaTableClient {
  return new MetaTableClient({ endpoint: request.endpoint, token: request.token, routes: request.routes })
}

/** Runs the call a request names. */
function perform(request: AdapterBuild | AdapterExecute | AdapterRunQuery): Promise<unknown> {
  switch (request.type) {
    case 'build':
      return buildOperation(operationInput(request.input), {
        // The suite decides the default data source; the adapter's environment must not.
        env: {},
        ...(request.default_data_source_uid === undefined ? {} : { defaultDataSourceUid: request.default_data_source_uid }),
      })
    case 'execute':
      return clientFor(request).executeOperation(request.envelope, request.idempotency_key === undefined ? {} : { idempotencyKey: request.idempotency_key })
    case 'run_query':
      return clientFor(request).runQuery(request.meta_table_uid, request.sql)
  }
}

/**
 * Answers one client-suite request with the outcome of the call: `ok` with
 * what it returned, or the client error it raised. Any other exception is a
 * bug in the client or the adapter, answered as an adapter `error`.
 */
export async function handleClientRequest(request: AdapterBuild | AdapterExecute | AdapterRunQuery): Promise<AdapterResponse> {
  try {
    const result = await perform(request)
    const outcome: AdapterOutcome = { type: 'outcome', id: request.id, ok: true, result }
    return outcome
  } catch (error) {
    const described = describeClientError(error)
    if (described !== undefined) return { type: 'outcome', id: request.id, ok: false, error: described }
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    return { type: 'error', id: request.id, message }
  }
}
