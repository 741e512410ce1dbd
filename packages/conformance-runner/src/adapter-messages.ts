import type { AdapterHello, AdapterProtocolVersion, AdapterShutdown, ConformanceReport } from '@compiled-sql/protocol'

/** The adapter protocol version this runner speaks (`adapter-request.schema.json#/$defs/AdapterProtocolVersion`). */
export const ADAPTER_PROTOCOL: AdapterProtocolVersion = 'compiled-sql.adapter.v1'

/** A suite name, as reports and `hello` name it. */
export type SuiteName = ConformanceReport['suite']

/** The handshake the runner sends first. */
export function helloRequest(suite: SuiteName): AdapterHello {
  return { type: 'hello', protocol: ADAPTER_PROTOCOL, suite }
}

/** The last message the runner sends. */
export const SHUTDOWN_REQUEST: AdapterShutdown = { type: 'shutdown' }
