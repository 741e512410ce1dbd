import Type, { type Static } from 'typebox'

const Uid = Type.String({ minLength: 1, description: 'A stable identifier.' })

const OperationKind = Type.Union(
  [Type.Literal('select'), Type.Literal('insert'), Type.Literal('update'), Type.Literal('delete'), Type.Literal('upsert')],
  { description: 'An operation kind of compiled-sql.v1.' },
)

const DataSourceCommon = {
  uid: Uid,
  name: Type.Optional(Type.String({ description: 'A label for logs and docs.' })),
  capabilities: Type.Array(OperationKind, {
    uniqueItems: true,
    description: 'The operation kinds this data source executes; any other is `operation_not_permitted`.',
  }),
  search_path: Type.Optional(
    Type.Array(Type.String({ minLength: 1 }), {
      minItems: 1,
      description: 'The schemas unqualified names resolve in, pinned per request. Defaults to `["public"]`.',
    }),
  ),
  literal_policy: Type.Optional(
    Type.Union([Type.Literal('allow'), Type.Literal('strict')], {
      description:
        '`allow` (the default) accepts string constants in SQL, as builders emit them; `strict` rejects a constant compared directly with a column.',
    }),
  ),
}

const PgliteDataSource = Type.Object(
  {
    ...DataSourceCommon,
    engine: Type.Literal('pglite'),
    data_dir: Type.Optional(
      Type.String({ minLength: 1, description: 'Where PGlite keeps its files, relative to the world file. Absent: in memory.' }),
    ),
    seed: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), {
        description: 'SQL files, relative to the world file, run once when the database is new.',
      }),
    ),
  },
  { additionalProperties: false, description: 'Embedded PostgreSQL (PGlite), in a worker thread.' },
)

const PostgresDataSource = Type.Object(
  {
    ...DataSourceCommon,
    engine: Type.Literal('postgresql'),
    connection_string: Type.String({
      minLength: 1,
      description: 'A libpq connection URI. `${NAME}` is replaced by the environment variable NAME.',
    }),
    pool_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'Connections in the pool. Defaults to 10.' })),
    seed: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), {
        description: 'SQL files, relative to the world file, run at start-up (for test worlds on a scratch database).',
      }),
    ),
  },
  { additionalProperties: false, description: 'A PostgreSQL server reached through a connection pool.' },
)

const MetaTable = Type.Object(
  {
    uid: Uid,
    data_source_uid: Uid,
    schema: Type.String({ minLength: 1, description: 'The PostgreSQL schema of the table.' }),
    table: Type.String({ minLength: 1, description: 'The PostgreSQL table name.' }),
    owner: Uid,
  },
  { additionalProperties: false, description: 'A MetaTable: a registered table on one data source.' },
)

const Principal = Type.Object(
  {
    id: Uid,
    name: Type.Optional(Type.String()),
    tokens: Type.Array(Type.String({ minLength: 16 }), {
      minItems: 1,
      description: 'Bearer tokens that authenticate as this principal. At least 16 characters.',
    }),
    rate_limit_per_minute: Type.Optional(Type.Integer({ minimum: 1, description: 'Requests allowed per minute.' })),
  },
  { additionalProperties: false, description: 'A caller.' },
)

const Grant = Type.Object(
  {
    principal: Uid,
    meta_table_uid: Uid,
    access: Type.Union([Type.Literal('read'), Type.Literal('write')], { description: '`write` implies `read`.' }),
  },
  { additionalProperties: false, description: 'Access of one principal to one MetaTable. Owners hold `write` implicitly.' },
)

const Limits = Type.Object(
  {
    page_cap: Type.Optional(Type.Integer({ minimum: 1, description: 'Rows per select page at most. Defaults to 1000.' })),
    max_body_bytes: Type.Optional(Type.Integer({ minimum: 1024, description: 'Request body size at most. Defaults to 1 MiB.' })),
    max_sql_length: Type.Optional(Type.Integer({ minimum: 1, description: 'SQL characters at most. Defaults to 100000.' })),
    max_parameters: Type.Optional(Type.Integer({ minimum: 1, description: 'Bound parameters at most. Defaults to 10000.' })),
    max_statement_timeout_ms: Type.Optional(
      Type.Integer({ minimum: 1, description: 'The longest `statement_timeout_ms` honoured; longer ones are lowered. Defaults to 60000.' }),
    ),
    run_query_max_rows: Type.Optional(Type.Integer({ minimum: 1, description: 'Rows returned by run_query at most. Defaults to 1000.' })),
  },
  { additionalProperties: false, description: 'Server-wide limits.' },
)

/** The TypeBox schema of a world file: the registry a server-stub serves. */
export const WorldSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    data_sources: Type.Array(Type.Union([PgliteDataSource, PostgresDataSource]), { minItems: 1 }),
    meta_tables: Type.Array(MetaTable),
    principals: Type.Array(Principal),
    grants: Type.Array(Grant),
    limits: Type.Optional(Limits),
  },
  { additionalProperties: false, description: 'A compiled-sql server-stub world.' },
)

/** A world file, as validated. */
export type World = Static<typeof WorldSchema>
/** One data source of a world. */
export type DataSourceConfig = World['data_sources'][number]
/** One MetaTable of a world. */
export type MetaTableConfig = World['meta_tables'][number]
/** One principal of a world. */
export type PrincipalConfig = World['principals'][number]
/** The server-wide limits of a world. */
export type WorldLimits = NonNullable<World['limits']>
