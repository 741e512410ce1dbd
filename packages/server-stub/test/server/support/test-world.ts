import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

/** The back ends every server test runs on. */
export const BACKENDS = ['pglite', 'postgresql'] as const
export type Backend = (typeof BACKENDS)[number]

export const DATA_SOURCE = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd'
export const ASSET = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'
export const ACCOUNT = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'
export const SECRET = 'ffffffff-ffff-4fff-8fff-ffffffffffff'
export const OWNER_TOKEN = 'owner-token-for-tests-0001'
export const VIEWER_TOKEN = 'viewer-token-for-tests-001'

const SEED = `
CREATE TABLE public.account (uid uuid PRIMARY KEY, name text NOT NULL);
CREATE TABLE public.asset (uid uuid PRIMARY KEY, account_uid uuid NOT NULL REFERENCES public.account (uid), symbol text NOT NULL UNIQUE, qty numeric, volume bigint);
CREATE TABLE public.secret (id int PRIMARY KEY, value text);
INSERT INTO public.account VALUES ('cccccccc-cccc-4ccc-8ccc-cccccccccccc', 'Acme'), ('cccccccc-cccc-4ccc-8ccc-000000000002', 'Ærø');
INSERT INTO public.asset SELECT ('eeeeeeee-eeee-4eee-8eee-' || lpad(n::text, 12, '0'))::uuid, 'cccccccc-cccc-4ccc-8ccc-cccccccccccc', 'SYM' || n, n * 1.5, 9007199254740993 + n FROM generate_series(1, 7) AS n;
INSERT INTO public.secret VALUES (1, 'do not read');
`

/** A scratch database on the test PostgreSQL server, dropped by `drop`. */
export async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.COMPILED_SQL_TEST_POSTGRES_URL
  if (admin === undefined) throw new Error('COMPILED_SQL_TEST_POSTGRES_URL is not set: run the tests through scripts/with-postgres.mjs (npm test does)')
  const name = `stub_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  await client.query(`CREATE DATABASE ${name}`)
  await client.end()
  const url = new URL(admin)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}

/** Writes a world for `backend` with the test tables, a page cap of 3, and two principals. */
export function writeTestWorld(backend: Backend, connectionString?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'stub-world-'))
  writeFileSync(join(dir, 'seed.sql'), SEED)
  const source =
    backend === 'pglite'
      ? { uid: DATA_SOURCE, engine: 'pglite', capabilities: ['select', 'insert', 'update', 'delete', 'upsert'], seed: ['seed.sql'] }
      : { uid: DATA_SOURCE, engine: 'postgresql', connection_string: connectionString, capabilities: ['select', 'insert', 'update', 'delete', 'upsert'], seed: ['seed.sql'] }
  const world = {
    data_sources: [source],
    meta_tables: [
      { uid: ASSET, data_source_uid: DATA_SOURCE, schema: 'public', table: 'asset', owner: 'owner' },
      { uid: ACCOUNT, data_source_uid: DATA_SOURCE, schema: 'public', table: 'account', owner: 'owner' },
      { uid: SECRET, data_source_uid: DATA_SOURCE, schema: 'public', table: 'secret', owner: 'owner' },
    ],
    principals: [
      { id: 'owner', tokens: [OWNER_TOKEN] },
      { id: 'viewer', tokens: [VIEWER_TOKEN], rate_limit_per_minute: 100000 },
    ],
    grants: [{ principal: 'viewer', meta_table_uid: ASSET, access: 'read' }],
    limits: { page_cap: 3, max_body_bytes: 65536, max_parameters: 50 },
  }
  const file = join(dir, 'world.json')
  writeFileSync(file, JSON.stringify(world, null, 2))
  return file
}
