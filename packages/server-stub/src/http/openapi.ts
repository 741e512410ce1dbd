import { ROUTES, SCHEMAS } from '@compiled-sql/protocol'

const WIRE_SCHEMAS = ['operation', 'operation-result', 'error-response', 'run-query-request', 'run-query-response'] as const

function ref(name: string) {
  return { $ref: `#/components/schemas/${name}` }
}

function errorResponses() {
  const body = { content: { 'application/json': { schema: ref('error-response') } } }
  return Object.fromEntries(
    [['400', 'Invalid request'], ['401', 'Not authenticated'], ['403', 'Access or capability denied'], ['404', 'MetaTable or data source not found'],
      ['409', 'Conflict'], ['413', 'Over a size limit'], ['415', 'Not JSON'], ['422', 'SQL rejected'], ['429', 'Rate limited'],
      ['500', 'Internal error'], ['503', 'Unavailable'], ['504', 'Statement timeout']].map(([status, description]) => [status, { description, ...body }]),
  )
}

/** A POST endpoint: its path or header parameter, request schema and 200 response. */
function postPath(summary: string, parameter: Record<string, unknown>, requestSchema: string, responseDescription: string, responseSchema: string) {
  return {
    post: {
      summary,
      security: [{ bearer: [] }],
      parameters: [{ ...parameter, schema: { type: 'string' } }],
      requestBody: { required: true, content: { 'application/json': { schema: ref(requestSchema) } } },
      responses: { '200': { description: responseDescription, content: { 'application/json': { schema: ref(responseSchema) } } }, ...errorResponses() },
    },
  }
}

function operationPath() {
  return postPath('Execute a compiled-sql.v1 operation', { name: 'Idempotency-Key', in: 'header', required: false }, 'operation', 'The result', 'operation-result')
}

function runQueryPath() {
  return postPath('Run a read-only SQL query over one MetaTable', { name: 'meta_table_uid', in: 'path', required: true }, 'run-query-request', 'The rows', 'run-query-response')
}

/**
 * The OpenAPI 3.1 description of the server, built from the canonical
 * compiled-sql.v1 schemas (OpenAPI 3.1 schemas are JSON Schema 2020-12, so
 * they are embedded unchanged).
 */
export function buildOpenApi(serverUrl?: string): Record<string, unknown> {
  const runQuery = (family: 'legacy' | 'v1') => ROUTES[family].runQuery('{meta_table_uid}').replace('%7Bmeta_table_uid%7D', '{meta_table_uid}')
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: { title: 'compiled-sql server-stub', version: 'compiled-sql.v1', description: 'A stand-in for TS Manager speaking compiled-sql.v1.' },
    ...(serverUrl !== undefined && { servers: [{ url: serverUrl }] }),
    paths: {
      [ROUTES.legacy.executeOperation]: operationPath(),
      [ROUTES.v1.executeOperation]: operationPath(),
      [runQuery('legacy')]: runQueryPath(),
      [runQuery('v1')]: runQueryPath(),
      '/healthz': { get: { summary: 'Liveness', responses: { '200': { description: 'The server is up' } } } },
    },
    components: {
      // The wire documents first, then the rest (a key spread again keeps its first place).
      schemas: { ...Object.fromEntries(WIRE_SCHEMAS.map((name) => [name, SCHEMAS[name]])), ...SCHEMAS },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
  }
}
