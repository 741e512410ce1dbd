-- The demo world's data: the asset and account tables of the compiled-sql.v1
-- examples, with a few rows. Deterministic: no now(), no random().
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
  as_of       date,
  meta        jsonb
);

INSERT INTO public.account (uid, name, created_at) VALUES
  ('cccccccc-cccc-4ccc-8ccc-cccccccccccc', 'Acme Capital', '2019-03-14 09:26:53+00'),
  ('cccccccc-cccc-4ccc-8ccc-000000000002', 'Ærø Holdings ApS', '2020-07-01 00:00:00+00'),
  ('cccccccc-cccc-4ccc-8ccc-000000000003', '100% Growth Partners', NULL);

INSERT INTO public.asset (uid, account_uid, symbol, decimals, as_of, meta) VALUES
  ('eeeeeeee-eeee-4eee-8eee-000000000001', 'cccccccc-cccc-4ccc-8ccc-cccccccccccc', 'BTC', 8, '2026-05-28', '{"chain": "bitcoin", "max_supply": 21000000}'),
  ('eeeeeeee-eeee-4eee-8eee-000000000002', 'cccccccc-cccc-4ccc-8ccc-cccccccccccc', 'WBTC', 8, '2026-05-29', '{"chain": "ethereum", "underlying": "BTC"}'),
  ('eeeeeeee-eeee-4eee-8eee-000000000003', 'cccccccc-cccc-4ccc-8ccc-000000000002', 'ETH', 18, '2026-05-27', '{"chain": "ethereum"}'),
  ('eeeeeeee-eeee-4eee-8eee-000000000004', 'cccccccc-cccc-4ccc-8ccc-000000000002', 'SOL', 9, '2026-06-01', NULL),
  ('eeeeeeee-eeee-4eee-8eee-000000000005', 'cccccccc-cccc-4ccc-8ccc-000000000003', 'ÉCU', NULL, NULL, '{}');
