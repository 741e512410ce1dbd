import { LosslessNumber, stringify } from 'lossless-json'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKENDS, readRows, request, type TestBackend } from './support/backends.js'

const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

for (const kind of BACKENDS) {
  describe.skipIf(kind.skip !== undefined)(`result encoding on ${kind.name}`, () => {
    let backend: TestBackend
    beforeAll(async () => {
      backend = await kind.start()
    })
    afterAll(async () => {
      await backend?.close()
    })

    it('keeps every digit of bigints beyond 2^53 and 36-digit numerics, as strings', async () => {
      const rows = await readRows(backend.executor, 'select id, qty from public.trade where id in (125, 9007199254740993) order by id')
      expect(rows).toEqual([
        { id: '125', qty: '123456789012345803.123456789012345678' },
        { id: '9007199254740993', qty: '0.5' },
      ])
      const volumes = await readRows(
        backend.executor,
        "select p.volume from public.price p join public.asset a on a.uid = p.asset_uid where a.symbol = 'SHIB' order by p.ts limit 2",
      )
      expect(volumes).toEqual([{ volume: String(9007199254740993n) }, { volume: String(9007199254740993n + 1000000007n) }])
    })

    it('encodes every trade as PostgreSQL prints it: ids, numerics, base64 bytea, RFC 3339 timestamps, NULLs', async () => {
      const rows = await readRows(
        backend.executor,
        `select id, id::text as id_text, qty, qty::text as qty_text, raw, encode(raw, 'base64') as raw_base64,
                at, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as at_text, venue_id
         from public.trade order by id`,
      )
      expect(rows).toHaveLength(501)
      for (const row of rows) {
        expect(row['id']).toBe(row['id_text'])
        expect(row['qty']).toBe(row['qty_text'])
        expect(row['raw']).toBe(row['raw_base64'])
        expect(row['at']).toMatch(RFC3339_UTC)
        expect(Date.parse(row['at'] as string)).toBe(Date.parse(`${row['at_text'] as string}Z`))
        expect(row['venue_id'] === null || typeof row['venue_id'] === 'number').toBe(true)
      }
      const byId = new Map(rows.map((row) => [row['id'], row]))
      expect(byId.get('7')?.['raw']).toBe('') // an empty bytea
      expect(byId.get('10')?.['raw']).toBeNull()
      expect(byId.get('9007199254740993')?.['raw']).toBe(Buffer.from('deadbeef', 'hex').toString('base64'))
      expect(byId.get('23')?.['venue_id']).toBeNull()
    })

    it('writes timestamptz in UTC with Z, keeps fractional seconds, and keeps unicode text intact', async () => {
      const rows = await readRows(backend.executor, 'select name, created_at from public.account order by uid')
      expect(rows.map((row) => row['created_at'])).toEqual([
        '2019-03-14T09:26:53.589793Z',
        '2019-07-01T00:00:00Z',
        '2020-01-14T23:30:00Z', // written as 08:30:00+09
        '2020-06-30T23:59:59.999999Z',
        '2021-02-28T12:00:00Z',
        '2021-11-11T11:11:11Z',
        '2022-05-05T05:05:05.5Z',
        '2023-01-01T04:00:00Z', // written as 2022-12-31 23:00:00-05
        '2023-08-08T08:08:08Z',
        null,
        '2024-01-02T03:04:05Z',
        '2024-02-29T00:00:00Z',
      ])
      expect(rows.map((row) => row['name'])).toEqual(
        expect.arrayContaining(['東京トレーディング株式会社', '🚀 Moon Fund', 'Back\\slash Partners', 'Multi\nLine Trust', "O'Brien & Sons"]),
      )
    })

    it('returns jsonb as JSON without losing digits, text[] as arrays (empty and NULL too), date as YYYY-MM-DD', async () => {
      const rows = await readRows(
        backend.executor,
        "select symbol, decimals, meta, tags, listed_on from public.asset where symbol in ('BTC', 'NEAR', 'XRP', 'XLM', 'ÉCU') order by symbol",
      )
      const bySymbol = new Map(rows.map((row) => [row['symbol'], row]))
      const btc = bySymbol.get('BTC')!
      expect(btc['tags']).toEqual(['l1', 'pow'])
      expect(btc['listed_on']).toBe('2015-01-12')
      expect(btc['decimals']).toBe(8)
      expect(btc['meta']).toEqual({
        chain: 'bitcoin',
        flags: { stablecoin: false },
        listing: { tier: 1, venues: [1, 2, 3, 4, 5, 6] },
        max_supply: 21000000,
      })
      const near = bySymbol.get('NEAR')!['meta'] as Record<string, unknown>
      expect(near['supply']).toBeInstanceOf(LosslessNumber)
      expect(stringify(near)).toContain('"supply":1234567890.123456789012345678')
      expect(bySymbol.get('XRP')!['tags']).toEqual([])
      expect(bySymbol.get('XLM')!['tags']).toBeNull()
      expect(bySymbol.get('ÉCU')).toEqual({ symbol: 'ÉCU', decimals: null, meta: null, tags: null, listed_on: null })
    })

    it('encodes scalar types by OID and leaves the rest as PostgreSQL text', async () => {
      const [row] = await readRows(
        backend.executor,
        `select 1::int2 as i2, 2::int4 as i4, 3::int8 as i8, 1.5::float4 as f4, 0.1::float8 as f8,
                'NaN'::float8 as nan, '-Infinity'::float8 as minf, 'NaN'::numeric as nnan, 'Infinity'::numeric as ninf,
                1.50::numeric as num, '12.34'::money as money, '12.34'::money::text as money_text, true as t, false as f,
                '12:34:56'::time as time, interval '1 day 2 hours' as iv, '2024-01-01 12:00:00'::timestamp as ts,
                'infinity'::timestamptz as tinf, 'a0000000-0000-4000-8000-000000000001'::uuid as id, '(1,2)'::point as pt,
                row(1, 'a b') as rec, '{"a": [1, 2.50]}'::json as js, '{"a": 1, "a": 2}'::json as dup`,
      )
      expect(row).toEqual({
        i2: 1,
        i4: 2,
        i8: '3',
        f4: 1.5,
        f8: 0.1,
        nan: 'NaN',
        minf: '-Infinity',
        nnan: 'NaN',
        ninf: 'Infinity',
        num: '1.50',
        money: row!['money_text'],
        money_text: row!['money_text'],
        t: true,
        f: false,
        time: '12:34:56',
        iv: '1 day 02:00:00',
        ts: '2024-01-01 12:00:00',
        tinf: 'infinity',
        id: 'a0000000-0000-4000-8000-000000000001',
        pt: '(1,2)',
        rec: '(1,"a b")',
        js: { a: [1, new LosslessNumber('2.50')] },
        dup: { a: 2 },
      })
    })

    it('encodes arrays of every element encoding, n-dimensional, with NULL elements and explicit bounds', async () => {
      const [row] = await readRows(
        backend.executor,
        `select array[1.5, 2, null]::numeric[] as nums, array['2024-01-01 00:00:00+00'::timestamptz] as times,
                array['\\x01'::bytea, null] as bytes, '[0:1]={7,8}'::int[] as bounded, array[['a', 'b'], ['c', null]] as grid,
                array['{"x": 9007199254740993}'::jsonb] as docs, array['NULL', null, 'a"b\\c', ''] as texts,
                array[true, false] as bools, '{}'::int[] as empty`,
      )
      expect(stringify(row)).toBe(
        stringify({
          nums: ['1.5', '2', null],
          times: ['2024-01-01T00:00:00Z'],
          bytes: ['AQ==', null],
          bounded: [7, 8],
          grid: [
            ['a', 'b'],
            ['c', null],
          ],
          docs: [{ x: new LosslessNumber('9007199254740993') }],
          texts: ['NULL', null, 'a"b\\c', ''],
          bools: [true, false],
          empty: [],
        }),
      )
    })

    it('keeps PostgreSQL text where RFC 3339 or JSON arrays cannot spell a value', async () => {
      const [row] = await readRows(
        backend.executor,
        `select '0044-03-15 12:00:00+00 BC'::timestamptz as bc, '10000-01-01 00:00:00+00'::timestamptz as far,
                '-infinity'::timestamptz as ninf, '1 2'::int2vector as vector,
                array['((1,1),(0,0))'::box, '((3,3),(2,2))'::box] as boxes, '[2:3][1:1]={{1},{2}}'::int[] as bounded`,
      )
      expect(row).toEqual({
        bc: '0044-03-15 12:00:00+00 BC',
        far: '10000-01-01 00:00:00+00',
        ninf: '-infinity',
        vector: '1 2',
        boxes: ['(1,1),(0,0)', '(3,3),(2,2)'], // box arrays are delimited by ';'
        bounded: [[1], [2]],
      })
    })

    it('names types with format_type and encodes a domain as its base type', async () => {
      await backend.executor.execute(request('create domain public.big_id as bigint', { mode: 'write' }))
      const result = await backend.executor.execute(
        request(
          'select 5::public.big_id as d, array[5, null]::public.big_id[] as ds, px from public.price where px is not null order by asset_uid, ts limit 1',
        ),
      )
      expect(result.columns).toEqual([
        { name: 'd', type: 'bigint' }, // a row description names a domain's base type
        { name: 'ds', type: 'big_id[]' }, // but an array of a domain is its own type
        { name: 'px', type: 'numeric' }, // numeric(18,8): the type modifier is left out, as the corpus ground truth spells it
      ])
      expect(result.rows[0]!['d']).toBe('5')
      expect(result.rows[0]!['ds']).toEqual(['5', null])
      expect(result.rows[0]!['px']).toMatch(/^\d+\.\d{8}$/)
    })

    it('keeps duplicate column names apart with a suffix and source_name', async () => {
      const result = await backend.executor.execute(request('select count(*), count(*) filter (where id > 3), 1 as count_2 from market.venue'))
      expect(result.columns).toEqual([
        { name: 'count', type: 'bigint' },
        { name: 'count_3', type: 'bigint', source_name: 'count' },
        { name: 'count_2', type: 'integer' },
      ])
      expect(result.rows).toEqual([{ count: '7', count_3: '4', count_2: 1 }])
    })
  })
}
