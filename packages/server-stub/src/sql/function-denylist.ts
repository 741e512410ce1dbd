/**
 * Function names no statement may call, whatever their volatility or types.
 *
 * The allowlist generator applies these patterns to PostgreSQL's catalog, and
 * the SQL checker applies them again at run time, so that a stale or
 * hand-edited generated list can never let one of them through. Each pattern
 * names a family that reads files or other tables, executes SQL held in a
 * string, sleeps, locks, signals backends, changes configuration, touches
 * large objects or sequences, or reveals the server's internals.
 */
export const DENIED_FUNCTION_PATTERNS: readonly RegExp[] = [
  /^pg_/, // pg_sleep*, pg_read_file*, pg_ls_*, pg_advisory*, pg_terminate_backend, pg_cancel_backend, pg_stat_*, pg_get_*def, ...
  /^has_.*privilege$/,
  /^_?(table|query|cursor|schema|database)_to_xml/, // table_to_xml*, query_to_xml*, ...: read tables or run SQL from a string
  /^(current_setting|set_config|setseed)$/,
  /^txid_/,
  /_is_visible$/,
  /^to_reg/,
  /^ts_(stat|rewrite|debug)$/, // ts_stat and ts_rewrite run SQL held in a string
  /^lo_/,
  /^lo(read|write)$/,
  /^(nextval|currval|setval|lastval)$/,
  /^dblink/,
  /^inet_(client|server)_/,
  /^(version|current_query|current_database|current_schemas?|getpgusername)$/,
  /^(obj|col|shobj)_description$/,
  /^(mxid_age|row_security_active|regclass|format_type|aclexplode)$/,
  /^binary_upgrade_/,
  /^brin_/,
  /^gin_clean/,
]

/** `pg_`-prefixed functions that only compute on their arguments. */
export const DENYLIST_EXCEPTIONS: ReadonlySet<string> = new Set(['pg_typeof', 'pg_size_pretty', 'pg_size_bytes'])

/**
 * Whether a function name (unqualified, as PostgreSQL stores it in
 * `pg_proc.proname`) belongs to a denied family.
 */
export function isDeniedFunctionName(name: string): boolean {
  if (DENYLIST_EXCEPTIONS.has(name)) return false
  return DENIED_FUNCTION_PATTERNS.some((pattern) => pattern.test(name))
}
