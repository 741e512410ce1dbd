import type { IncomingHttpHeaders } from 'node:http'
import { ProtocolError } from '../pipeline/protocol-error.js'
import type { Registry } from '../world/registry.js'
import type { PrincipalConfig } from '../world/world-schema.js'

/**
 * The principal a request's `Authorization: Bearer <token>` names.
 *
 * @throws {ProtocolError} `unauthenticated` for a missing, malformed or unknown token.
 */
export function authenticate(headers: IncomingHttpHeaders, registry: Registry): PrincipalConfig {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')
  const principal = match === null ? undefined : registry.principalByToken(match[1]!)
  if (principal === undefined) {
    throw new ProtocolError('unauthenticated', match === null ? 'send Authorization: Bearer <token>' : 'the token is not valid')
  }
  return principal
}
