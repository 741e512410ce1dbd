/**
 * The compiled-sql server-stub: a working stand-in for TS Manager that
 * authenticates, authorizes by scope, checks SQL with PostgreSQL's parser and
 * executes on PGlite or PostgreSQL.
 *
 * @packageDocumentation
 */
export { startStubServer, type StartStubServerOptions, type RunningStubServer } from './start-stub-server.js'
export { loadWorld, WorldError } from './world/load-world.js'
export { WorldSchema, type World, type DataSourceConfig, type MetaTableConfig, type PrincipalConfig } from './world/world-schema.js'
export { Registry, type Access } from './world/registry.js'
export { ProtocolError } from './pipeline/protocol-error.js'
export type { AccessLogEntry, AccessLogger } from './http/access-log.js'
export { buildOpenApi } from './http/openapi.js'
