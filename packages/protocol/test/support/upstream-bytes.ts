/**
 * The exact body the upstream Python SDK posts to execute-operation, copied
 * byte for byte from the upstream SDK notes (`sdk-contract.md`, "Request
 * envelope"): Python `json.dumps` separators `", "` and `": "`, keys in
 * declaration order.
 */
export const UPSTREAM_SDK_BYTES =
  '{"operation": "select", "version": "compiled-sql.v1", "dialect": "postgresql", "statement": {"sql": "SELECT a.uid FROM public.asset AS a WHERE a.symbol ILIKE %(symbol_1)s AND a.as_of >= %(as_of)s ORDER BY a.uid", "parameters": {"symbol_1": "%BTC%", "as_of": "2026-05-28"}, "parameter_types": {"as_of": "date"}, "paramstyle": "pyformat"}, "scope": {"data_source_uid": "dddddddd-dddd-4ddd-8ddd-dddddddddddd", "tables": [{"meta_table_uid": "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa", "alias": "a", "access": "read", "reserved_policy": "reject"}]}, "limits": {"max_rows": 500, "offset": 0, "statement_timeout_ms": 15000}}'
