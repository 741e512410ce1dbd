import { isDeniedFunctionName } from '../src/sql/function-denylist.js'
import { OBJECT_ID_TYPES } from '../src/sql/object-id-types.js'

/** One `pg_catalog` function as the catalog query describes it. */
export interface CatalogFunction {
  readonly name: string
  /** `f` function, `a` aggregate, `w` window, `p` procedure. */
  readonly kind: string
  /** `i` immutable, `s` stable, `v` volatile. */
  readonly volatility: string
  /** Pseudo-types among the argument and result types (`internal`, `void`, `any`, ...). */
  readonly pseudoTypes: readonly string[]
  /** Whether a type's I/O, typmod or analyze routine is this function. */
  readonly typeIo: boolean
  /** Argument types of the function (type names as `pg_type.typname`). */
  readonly argumentTypes: readonly string[]
  /** The input argument types in order (`proargtypes`). */
  readonly inputTypes: readonly string[]
  /** How many trailing input arguments have defaults. */
  readonly defaultCount: number
}

/** The pseudo-types an allowed function may take or return: polymorphic values and records. */
const POLYMORPHIC_PSEUDO_TYPES: ReadonlySet<string> = new Set([
  'any',
  'anyelement',
  'anyarray',
  'anynonarray',
  'anyenum',
  'anyrange',
  'anymultirange',
  'anycompatible',
  'anycompatiblearray',
  'anycompatiblenonarray',
  'anycompatiblerange',
  'anycompatiblemultirange',
  'record',
])

/**
 * Argument types that address the server's internals: transaction and command
 * ids, tuple ids, WAL positions, snapshots, and object ids (`oid` and the
 * `reg*` aliases that look objects up by name). `xid` stays allowed:
 * `(xmax = 0)` after an upsert resolves to `xideqint4`. `regconfig` and
 * `regdictionary` stay allowed: `to_tsvector('english', body)` takes one.
 */
const INTERNAL_ARGUMENT_TYPES: ReadonlySet<string> = new Set(['xid8', 'cid', 'tid', 'pg_lsn', 'pg_snapshot', 'txid_snapshot', ...OBJECT_ID_TYPES])

/** Volatile functions that only produce values: random numbers, uuids, the wall clock. */
const ALLOWED_VOLATILE_FUNCTIONS: ReadonlySet<string> = new Set(['random', 'gen_random_uuid', 'clock_timestamp'])

/** Whether PostgreSQL's pseudo-type `type` can only hold polymorphic values (so an ordinary value can be passed in). */
export function isPolymorphicPseudoType(type: string): boolean {
  return POLYMORPHIC_PSEUDO_TYPES.has(type)
}

/**
 * Whether a call with exactly one ordinary argument can reach this function.
 * PostgreSQL reads a field selection it cannot resolve as a column, such as
 * `(x).current_setting` or `alias.pg_sleep`, as such a call, so denied
 * functions of this shape must be refused under those spellings too.
 */
export function isCallableWithOneArgument(fn: CatalogFunction): boolean {
  const count = fn.inputTypes.length
  if (count === 0 || count - fn.defaultCount > 1) return false
  const first = fn.inputTypes[0] ?? ''
  return !fn.pseudoTypes.includes(first) || POLYMORPHIC_PSEUDO_TYPES.has(first)
}

/** Why a function is allowed or denied. */
export type Verdict = 'allow' | 'deny:kind' | 'deny:pseudo-type' | 'deny:type-io' | 'deny:internal-argument' | 'deny:name' | 'deny:volatile'

/**
 * The allowlist rule: a `pg_catalog` function may be called when it is a
 * plain function, aggregate or window function; takes and returns only real
 * types or polymorphic ones; is no type's I/O routine; takes no argument that
 * addresses the server's internals; belongs to no denied name family; and is
 * immutable or stable, or one of the few volatile value generators.
 */
export function verdict(fn: CatalogFunction): Verdict {
  if (fn.kind !== 'f' && fn.kind !== 'a' && fn.kind !== 'w') return 'deny:kind'
  if (fn.pseudoTypes.some((type) => !POLYMORPHIC_PSEUDO_TYPES.has(type))) return 'deny:pseudo-type'
  if (fn.typeIo) return 'deny:type-io'
  if (fn.argumentTypes.some((type) => INTERNAL_ARGUMENT_TYPES.has(type))) return 'deny:internal-argument'
  if (isDeniedFunctionName(fn.name)) return 'deny:name'
  if (fn.volatility === 'v' && !ALLOWED_VOLATILE_FUNCTIONS.has(fn.name)) return 'deny:volatile'
  return 'allow'
}
