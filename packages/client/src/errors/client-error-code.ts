/**
 * Codes for failures that happen on the client's side of the wire, where no
 * server answered with a protocol error code:
 *
 * - `transport_error`: the request did not complete (connection refused or
 *   reset, DNS, TLS), so no HTTP status exists;
 * - `invalid_response`: a server answered, but not with a compiled-sql.v1
 *   document the client can read (not JSON, wrong shape, a page that does not
 *   advance).
 *
 * @example
 * ```ts
 * if (error instanceof TransportError) error.code // 'transport_error'
 * ```
 */
export type ClientErrorCode = 'transport_error' | 'invalid_response'
