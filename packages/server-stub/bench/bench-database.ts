import pg from 'pg'

/** The rows in the benchmark table; primary keys run from 1 to this. */
export const ROW_COUNT = 100_000

/** The indexed select, in the protocol's pyformat as a client sends it. */
export const PYFORMAT_SQL = 'SELECT i.id, i.symbol, i.qty, i.created_at FROM public.item AS i WHERE i.id = %(id)s'

/** The same select as `pg` receives it straight, and as the guard rewrites the pyformat text. */
export const DOLLAR_SQL = 'SELECT i.id, i.symbol, i.qty, i.created_at FROM public.item AS i WHERE i.id = $1'

const SEED = `
CREATE TABLE public.item (
  id         integer PRIMARY KEY,
  account_id integer NOT NULL,
  symbol     text NOT NULL,
  qty        numeric(18, 4),
  created_at timestamptz NOT NULL
);
INSERT INTO public.item
SELECT n, n % 97, 'SYM' || n, (n * 1.25)::numeric(18, 4), timestamptz '2024-01-01 00:00:00+00' + n * interval '1 minute'
FROM generate_series(1, ${ROW_COUNT}) AS n;
CREATE INDEX item_account_id_idx ON public.item (account_id);
`

/** A scratch database holding the seeded benchmark table, dropped by `drop`. */
export interface BenchDatabase {
  readonly url: string
  readonly name: string
  drop(): Promise<void>
}

async function onServer<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await use(client)
  } finally {
    await client.end()
  }
}

/**
 * Creates a database with a random name on the server `adminUrl` points at
 * (the PostgreSQL 15 of scripts/with-postgres.mjs), and seeds the table both
 * paths read. `drop` removes it, connections and all.
 */
export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `stub_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  await onServer(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`))
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const drop = () => onServer(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined)
  try {
    await onServer(url.toString(), async (c) => {
      await c.query(SEED)
      // Its own query: a multi-statement simple query is one implicit transaction, and VACUUM refuses those.
      await c.query('VACUUM ANALYZE public.item')
    })
  } catch (error) {
    await drop()
    throw error
  }
  return { url: url.toString(), name, drop }
}
