import type { AdapterBuild, AdapterExecute, AdapterRequest, AdapterRunQuery } from '@compiled-sql/protocol'
import { helloRequest, SHUTDOWN_REQUEST } from '../adapter-messages.js'
import type { LoadedClientCase } from './client-case.js'
import { CLIENT_SUITE_TOKEN } from './request-rules.js'

/** A client-suite request to an adapter. */
export type ClientAdapterRequest = AdapterBuild | AdapterExecute | AdapterRunQuery

/** The adapter request for one case, with the endpoint its recording prefix has. */
export function clientRequest(clientCase: LoadedClientCase, endpoint: string): ClientAdapterRequest {
  const { fixture } = clientCase
  const { command } = fixture
  switch (command.type) {
    case 'build':
      return {
        type: 'build',
        id: fixture.id,
        input: command.input,
        ...(command.default_data_source_uid === undefined ? {} : { default_data_source_uid: command.default_data_source_uid }),
      }
    case 'execute':
      return {
        type: 'execute',
        id: fixture.id,
        endpoint,
        token: CLIENT_SUITE_TOKEN,
        routes: command.routes,
        envelope: command.envelope,
        ...(command.idempotency_key === undefined ? {} : { idempotency_key: command.idempotency_key }),
      }
    case 'run_query':
      return { type: 'run_query', id: fixture.id, endpoint, token: CLIENT_SUITE_TOKEN, routes: command.routes, meta_table_uid: command.meta_table_uid, sql: command.sql }
  }
}

/**
 * The JSON Lines an adapter would receive for these cases, without a server:
 * the endpoints name port `PORT`, to be replaced by a server of your own when
 * replaying by hand.
 */
export function clientRequestLines(cases: readonly LoadedClientCase[]): string {
  const requests: AdapterRequest[] = [
    helloRequest('client'),
    ...cases.map((clientCase, index) => clientRequest(clientCase, `http://127.0.0.1:PORT/c/${index + 1}`)),
    SHUTDOWN_REQUEST,
  ]
  return requests.map((request) => `${JSON.stringify(request)}\n`).join('')
}
