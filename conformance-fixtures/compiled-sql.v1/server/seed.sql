-- The main data source of the server conformance world (world.json).
--
-- Part 1 is the realistic corpus's schema and seed, verbatim
-- (shared/corpora/legit/schema.sql, PostgreSQL 15 ground truth): the `legit`
-- group's cases expect exactly these rows. Part 2 adds the suite's own tables.
-- Deterministic: no now(), no random().

-- ===== Part 1: shared/corpora/legit/schema.sql =====
-- Realistic application corpus: schema and deterministic seed data (PostgreSQL 15).
-- Load into an empty database with: psql -v ON_ERROR_STOP=1 -f schema.sql
-- No random(), no now(): every value is a function of literals and generate_series counters.
-- Interval arithmetic on timestamptz depends on the session time zone, so pin it to UTC.
SET TIME ZONE 'UTC';

CREATE SCHEMA market;

CREATE TABLE public.account (
  uid        uuid PRIMARY KEY,
  name       text NOT NULL,
  created_at timestamptz
);

CREATE TABLE public.asset (
  uid         uuid PRIMARY KEY,
  account_uid uuid NOT NULL REFERENCES public.account (uid),
  symbol      text NOT NULL UNIQUE,
  decimals    int,
  meta        jsonb,
  tags        text[],
  listed_on   date
);
CREATE INDEX asset_account_uid_idx ON public.asset (account_uid);

CREATE TABLE public.price (
  asset_uid uuid NOT NULL REFERENCES public.asset (uid),
  ts        timestamptz NOT NULL,
  px        numeric(18,8),
  volume    bigint,
  PRIMARY KEY (asset_uid, ts)
);

CREATE TABLE market.venue (
  id   int PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE public.trade (
  id        bigserial PRIMARY KEY,
  asset_uid uuid REFERENCES public.asset (uid),
  venue_id  int REFERENCES market.venue (id),
  qty       numeric,
  side      text CHECK (side IN ('buy', 'sell')),
  at        timestamptz,
  raw       bytea
);
CREATE INDEX trade_asset_uid_idx ON public.trade (asset_uid);
CREATE INDEX trade_at_idx ON public.trade (at);

-- 12 accounts: unicode, an apostrophe, a literal %, a backslash, an embedded newline, a NULL created_at;
-- accounts 11 and 12 own no asset.
INSERT INTO public.account (uid, name, created_at) VALUES
  ('a0000000-0000-4000-8000-000000000001', 'Acme Capital',               '2019-03-14 09:26:53.589793+00'),
  ('a0000000-0000-4000-8000-000000000002', 'Ærø Holdings ApS',           '2019-07-01 00:00:00+00'),
  ('a0000000-0000-4000-8000-000000000003', '東京トレーディング株式会社', '2020-01-15 08:30:00+09'),
  ('a0000000-0000-4000-8000-000000000004', 'Zürich Vermögen AG',         '2020-06-30 23:59:59.999999+00'),
  ('a0000000-0000-4000-8000-000000000005', 'O''Brien & Sons',            '2021-02-28 12:00:00+00'),
  ('a0000000-0000-4000-8000-000000000006', '🚀 Moon Fund',               '2021-11-11 11:11:11+00'),
  ('a0000000-0000-4000-8000-000000000007', 'naïve café LLC',             '2022-05-05 05:05:05.5+00'),
  ('a0000000-0000-4000-8000-000000000008', 'Ελληνικά Κεφάλαια',          '2022-12-31 23:00:00-05'),
  ('a0000000-0000-4000-8000-000000000009', '100% Growth Partners',       '2023-08-08 08:08:08+00'),
  ('a0000000-0000-4000-8000-000000000010', 'Dormant Account',            NULL),
  ('a0000000-0000-4000-8000-000000000011', 'Back\slash Partners',        '2024-01-02 03:04:05+00'),
  ('a0000000-0000-4000-8000-000000000012', E'Multi\nLine Trust',         '2024-02-29 00:00:00+00');

INSERT INTO market.venue (id, name) VALUES
  (1, 'Binance'), (2, 'Coinbase'), (3, 'Kraken'), (4, 'Bitstamp'), (5, 'Gemini'),
  (6, 'bitFlyer 東京'), (7, 'Uniswap v3');   -- venue 7 has no trade

-- 40 assets. base is the seed price used below, not a column.
CREATE TEMP TABLE seed_asset AS
SELECT n, ('b0000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid AS uid,
       ('a0000000-0000-4000-8000-' || lpad(acct::text, 12, '0'))::uuid AS account_uid,
       symbol, decimals, meta::jsonb AS meta, tags::text[] AS tags, listed_on::date AS listed_on, base::numeric AS base
FROM (VALUES
  (1, 1, 'BTC', 8, '{"chain": "bitcoin", "listing": {"tier": 1, "venues": [1, 2, 3, 4, 5, 6]}, "max_supply": 21000000, "flags": {"stablecoin": false}}', '{l1,pow}', '2015-01-12', '42123.45678901'),
  (2, 1, 'ETH', 18, '{"chain": "ethereum", "listing": {"tier": 1, "venues": [1, 2, 3, 4, 5, 6, 7]}, "max_supply": null, "flags": {"stablecoin": false}}', '{l1,pos,smart-contracts}', '2015-08-07', '2281.1234'),
  (3, 2, 'WBTC', 8, '{"chain": "ethereum", "underlying": "BTC", "listing": {"tier": 2, "venues": [1, 2, 7]}, "audit": {"firm": "Trail of Bits", "year": 2019}}', '{wrapped,erc20}', '2019-01-31', '42098.7654321'),
  (4, 2, 'SOL', 9, '{"chain": "solana", "listing": {"tier": 1, "venues": [1, 2, 3]}, "flags": {"stablecoin": false, "outages": [2021, 2022]}}', '{l1,pos}', '2020-04-10', '101.55'),
  (5, 3, 'ADA', 6, '{"chain": "cardano", "listing": {"tier": 2, "venues": [1, 3]}, "max_supply": 45000000000}', '{l1,pos}', '2017-10-01', '0.5912'),
  (6, 3, 'DOT', 10, '{"chain": "polkadot", "listing": {"tier": 2, "venues": [1, 2, 3]}}', '{l0,pos}', '2020-08-19', '7.891'),
  (7, 4, 'AVAX', 18, '{"chain": "avalanche", "listing": {"tier": 2, "venues": [1, 2]}, "max_supply": 720000000}', '{l1,pos}', '2020-09-22', '35.42'),
  (8, 4, 'MATIC', 18, '{"chain": "ethereum", "listing": {"tier": 2, "venues": [1, 2, 7]}, "renamed_to": "POL"}', '{l2,erc20}', '2019-04-26', '0.8765'),
  (9, 5, 'LINK', 18, '{"chain": "ethereum", "listing": {"tier": 2, "venues": [1, 2, 3, 7]}, "audit": null}', '{oracle,erc20}', '2017-09-19', '14.61'),
  (10, 5, 'XRP', 6, '{"chain": "xrpl", "listing": {"tier": 1, "venues": [1, 3, 4]}, "max_supply": 100000000000}', '{}', '2013-08-04', '0.6123'),
  (11, 6, 'LTC', 8, '{"chain": "litecoin", "listing": {"tier": 2, "venues": [1, 2, 3, 4, 5]}, "max_supply": 84000000}', '{pow}', '2013-04-28', '71.3'),
  (12, 6, 'BCH', 8, '{"chain": "bitcoin-cash", "forked_from": "BTC", "listing": {"tier": 3, "venues": [1, 2]}}', '{pow,fork}', '2017-08-01', '245.7'),
  (13, 7, 'XLM', 7, '{"chain": "stellar", "listing": {"tier": 3, "venues": [1]}}', NULL, '2014-08-05', '0.1234'),
  (14, 7, 'ATOM', 6, '{"chain": "cosmos", "listing": {"tier": 2, "venues": [1, 3]}, "ibc": {"channels": [{"to": "osmosis", "id": 141}, {"to": "juno", "id": 207}]}}', '{l0,pos,ibc}', '2019-03-14', '9.87'),
  (15, 8, 'ALGO', 6, '{"chain": "algorand", "listing": {"tier": 3, "venues": [1, 3]}}', '{l1,pos}', '2019-06-21', '0.1789'),
  (16, 8, 'NEAR', 24, '{"chain": "near", "listing": {"tier": 3, "venues": [1]}, "supply": 1234567890.123456789012345678}', '{l1,pos,sharding}', '2020-10-13', '3.456'),
  (17, 9, 'FTM', 18, '{"chain": "fantom", "listing": {"tier": 3, "venues": [1]}, "renamed_to": "S"}', '{l1}', '2018-10-29', '0.4012'),
  (18, 9, 'UNI', 18, '{"chain": "ethereum", "listing": {"tier": 2, "venues": [1, 2, 7]}, "governance": {"token": true, "quorum": 40000000}}', '{defi,dex,erc20}', '2020-09-17', '6.789'),
  (19, 1, 'AAVE', 18, '{"chain": "ethereum", "listing": {"tier": 2, "venues": [1, 2]}, "governance": {"token": true}}', '{defi,lending,erc20}', '2020-10-02', '98.76'),
  (20, 2, 'MKR', 18, '{"chain": "ethereum", "listing": {"tier": 3, "venues": [1, 2]}, "governance": {"token": true}}', '{defi,erc20}', '2017-11-25', '1987.65'),
  (21, 3, 'COMP', 18, '{"chain": "ethereum", "listing": {"tier": 3, "venues": [1, 2]}}', '{defi,lending}', NULL, '54.32'),
  (22, 4, 'SNX', 18, '{"chain": "ethereum", "listing": {"tier": 3, "venues": [1]}}', '{defi}', '2018-03-14', '3.21'),
  (23, 5, 'CRV', 18, '{"chain": "ethereum", "listing": {"tier": 3, "venues": [1, 7]}}', '{defi,dex}', '2020-08-13', '0.5678'),
  (24, 6, 'SUSHI', 18, '{"chain": "ethereum", "listing": {"tier": 4, "venues": [1]}, "note": "fork of \"Uniswap\""}', '{defi,dex}', '2020-08-28', '1.234'),
  (25, 7, 'YFI', 18, '{"chain": "ethereum", "listing": {"tier": 4, "venues": [1, 2]}, "max_supply": 36666}', '{defi}', '2020-07-17', '8123.45'),
  (26, 8, 'BAT', 18, '{"chain": "ethereum", "listing": {"tier": 4, "venues": [1, 2]}}', '{erc20}', '2017-05-31', '0.2345'),
  (27, 9, 'ZEC', 8, '{"chain": "zcash", "listing": {"tier": 3, "venues": [1, 2, 5]}, "max_supply": 21000000}', '{pow,privacy}', '2016-10-28', '23.45'),
  (28, 1, 'DASH', 8, '{"chain": "dash", "listing": {"tier": 4, "venues": [1]}}', '{pow,privacy}', '2014-01-18', '28.9'),
  (29, 2, 'XMR', 12, '{"chain": "monero", "listing": {"tier": 3, "venues": [3]}, "flags": {"delisted_on": ["Binance", "Kraken (EEA)"]}}', '{pow,privacy}', '2014-04-18', '165.4'),
  (30, 3, 'ETC', 18, '{"chain": "ethereum-classic", "forked_from": "ETH", "listing": {"tier": 4, "venues": [1, 2]}}', '{pow,fork}', '2016-07-24', '24.68'),
  (31, 4, 'EOS', 4, '{}', '{}', '2017-07-01', '0.7654'),
  (32, 5, 'TRX', 6, '{"chain": "tron", "listing": {"tier": 3, "venues": [1]}}', '{l1}', '2017-09-13', '0.1057'),
  (33, 6, 'FIL', 18, '{"chain": "filecoin", "listing": {"tier": 3, "venues": [1, 2]}}', '{storage}', '2020-10-15', '5.432'),
  (34, 7, 'ICP', 8, '{"chain": "internet-computer", "listing": {"tier": 4, "venues": [1, 2]}}', '{l1}', '2021-05-10', '12.34'),
  (35, 8, 'APT', 8, '{"chain": "aptos", "listing": {"tier": 3, "venues": [1, 2]}, "lang": "Move"}', '{l1,move}', '2022-10-19', '9.012'),
  (36, 9, 'ARB', 18, '{"chain": "arbitrum", "listing": {"tier": 2, "venues": [1, 2, 7]}, "rollup": {"kind": "optimistic", "settles_on": "ethereum"}}', '{l2,rollup}', '2023-03-23', '1.876'),
  (37, 10, 'OP', 18, '{"chain": "optimism", "listing": {"tier": 2, "venues": [1, 2]}, "rollup": {"kind": "optimistic", "settles_on": "ethereum"}}', '{l2,rollup}', '2022-05-31', '3.579'),
  (38, 1, 'DOGE', 8, '{"chain": "dogecoin", "listing": {"tier": 3, "venues": [1, 2, 3, 4]}, "max_supply": null, "motto": "much wow 🐕"}', '{pow,meme}', '2013-12-15', '0.0823'),
  (39, 2, 'SHIB', 18, '{"chain": "ethereum", "listing": {"tier": 4, "venues": [1, 2]}, "supply": 589734827358.123456789012345}', '{meme,erc20}', '2020-08-01', '0.00000912'),
  (40, 3, 'ÉCU', NULL, NULL, NULL, NULL, '1.00000001')
) AS v(n, acct, symbol, decimals, meta, tags, listed_on, base);

INSERT INTO public.asset (uid, account_uid, symbol, decimals, meta, tags, listed_on)
SELECT uid, account_uid, symbol, decimals, meta, tags, listed_on FROM seed_asset ORDER BY n;

-- 40 assets x 50 days = 2000 prices. Asset n is quoted at (n % 3) * 8 hours UTC each day;
-- px moves +-5% around base; a few px are NULL; SHIB (n = 39) volumes are above 2^53; some volumes are NULL.
INSERT INTO public.price (asset_uid, ts, px, volume)
SELECT s.uid,
       timestamptz '2024-01-01 00:00:00+00' + d * interval '1 day' + (s.n % 3) * interval '8 hours',
       CASE WHEN (d * 7 + s.n) % 97 = 0 THEN NULL
            ELSE round(s.base * (1000 + ((d * 37 + s.n * 11) % 101) - 50) / 1000, 8) END,
       CASE WHEN s.n = 39 THEN 9007199254740993 + d * 1000000007::bigint
            WHEN d % 17 = 16 AND s.n % 5 = 0 THEN NULL
            ELSE (s.n * 1000003 + d * 7919)::bigint * 1000 END
FROM seed_asset s CROSS JOIN generate_series(0, 49) AS d
ORDER BY s.n, d;

DROP TABLE seed_asset;

-- 500 trades (ids 1..500 from the sequence) plus one with an explicit id above 2^53.
-- Some have no asset or no venue; qty has up to 36 significant digits; raw is NULL, empty or 16 bytes.
INSERT INTO public.trade (asset_uid, venue_id, qty, side, at, raw)
SELECT CASE WHEN i % 97 = 0 THEN NULL
            ELSE ('b0000000-0000-4000-8000-' || lpad(((i * 7) % 40 + 1)::text, 12, '0'))::uuid END,
       CASE WHEN i % 23 = 0 THEN NULL ELSE i % 6 + 1 END,
       CASE WHEN i % 125 = 0 THEN 123456789012345678.123456789012345678 + i
            WHEN i % 50 = 0 THEN 0.000000000000000001 * i
            ELSE round(((i * 7919) % 100000)::numeric / 1000, 3) END,
       CASE WHEN i % 3 = 0 THEN 'sell' ELSE 'buy' END,
       timestamptz '2024-01-01 00:00:00+00' + i * interval '137 minutes' + (i % 60) * interval '1 second',
       CASE WHEN i % 10 = 0 THEN NULL
            WHEN i = 7 THEN '\x'::bytea
            ELSE decode(md5('trade:' || i), 'hex') END
FROM generate_series(1, 500) AS i
ORDER BY i;

INSERT INTO public.trade (id, asset_uid, venue_id, qty, side, at, raw) VALUES
  (9007199254740993, 'b0000000-0000-4000-8000-000000000001', 1, 0.5, 'buy', '2024-02-15 12:00:00+00', '\xdeadbeef');

ANALYZE;

-- ===== Part 2: the conformance suite's own tables =====

-- Write cases touch only their own rows: each uses its id as case_id and
-- deletes its rows first, so that it can run in any order and again.
-- The 'seed' rows are never written by a passing case; escape attempts check them.
CREATE TABLE public.kind (code text PRIMARY KEY);
INSERT INTO public.kind (code) VALUES ('a'), ('b');

CREATE TABLE public.scratch (
  case_id text NOT NULL,
  n       int NOT NULL CHECK (n >= 0),
  label   text NOT NULL,
  amount  numeric,
  at      timestamptz,
  payload jsonb,
  raw     bytea,
  kind    text REFERENCES public.kind (code),
  PRIMARY KEY (case_id, n)
);
INSERT INTO public.scratch (case_id, n, label, amount, kind) VALUES
  ('seed', 1, 'one', 1.5, 'a'),
  ('seed', 2, 'two', 2.25, 'b'),
  ('seed', 3, 'three', NULL, NULL);

-- One row per interesting encoding of compiled-sql.v1 §7.
CREATE TABLE public.sample (
  id       int PRIMARY KEY,
  i2       smallint,
  i4       integer,
  i8       bigint,
  num      numeric,
  r4       real,
  f8       double precision,
  flag     boolean,
  label    text,
  day      date,
  at       timestamptz,
  local_at timestamp,
  span     interval,
  bin      bytea,
  doc      json,
  docb     jsonb,
  uid      uuid,
  tags     text[],
  counts   bigint[],
  nums     numeric[]
);
INSERT INTO public.sample VALUES
  (1, 32767, -2147483648, 9223372036854775807, 123456789012345678901234567890.123456789, 1.5, 0.25, true,
   'Ærø ✓ "quoted"', '2024-02-29', '2024-01-01 12:34:56.789+00', '2024-01-01 12:34:56', '1 day 02:03:04',
   '\xdeadbeef', '{"b": 1, "a": [1, 2.50]}', '{"b": 1, "a": [1, 2.50], "big": 12345678901234567890.5}',
   'cccccccc-cccc-4ccc-8ccc-cccccccccccc', '{x,NULL,"y z"}', '{1,9007199254740993}', '{1.10,NaN}'),
  (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  (3, -32768, 0, -9223372036854775808, 'NaN', 'Infinity', '-Infinity', false,
   '', '1970-01-01', '1970-01-01 00:00:00+00', '1970-01-01 00:00:00', '-00:00:01',
   '\x', '[]', 'null', '00000000-0000-0000-0000-000000000000', '{}', '{}', '{-0.5,Infinity}');

-- Never readable by anyone but the owner: escape attempts aim at these.
CREATE TABLE public.vault (id int PRIMARY KEY, secret text NOT NULL);
INSERT INTO public.vault (id, secret) VALUES (1, 'vault-secret-one'), (2, 'vault-secret-two');

-- A schema no MetaTable names at all.
CREATE SCHEMA vault;
CREATE TABLE vault.keys (id int PRIMARY KEY, secret text NOT NULL);
INSERT INTO vault.keys (id, secret) VALUES (1, 'key-one'), (2, 'key-two');

-- A user-defined function and an operator over it that read vault.keys:
-- calling either from SQL would leave the declared scope.
CREATE FUNCTION public.leak(a int, b int) RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT secret FROM vault.keys ORDER BY id LIMIT 1 $$;
CREATE OPERATOR public.=== (LEFTARG = int, RIGHTARG = int, FUNCTION = public.leak);
