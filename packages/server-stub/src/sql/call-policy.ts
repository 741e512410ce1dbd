import { isDeniedFunctionName } from './function-denylist.js'
import {
  ALLOWED_FUNCTION_NAMES,
  ALLOWED_OPERATOR_SYMBOLS,
  FIELD_CALLABLE_DENIED_FUNCTION_NAMES,
  FIELD_SAFE_DENIED_FUNCTION_NAMES,
  VARIADIC_ANY_FUNCTION_NAMES,
} from './generated/function-allowlist.js'
import { GuardError, atByte } from './guard-error.js'
import { stringList, type NodeBody } from './tree-walker.js'
import { OBJECT_ID_TYPES, TEXT_SEARCH_OBJECT_TYPES } from './object-id-types.js'

const FUNCTIONS: ReadonlySet<string> = new Set(ALLOWED_FUNCTION_NAMES)
const OPERATORS: ReadonlySet<string> = new Set(ALLOWED_OPERATOR_SYMBOLS)
const VARIADIC_ANY: ReadonlySet<string> = new Set(VARIADIC_ANY_FUNCTION_NAMES)
const FIELD_CALLABLE_DENIED: ReadonlySet<string> = new Set(FIELD_CALLABLE_DENIED_FUNCTION_NAMES)
const FIELD_SAFE_DENIED: ReadonlySet<string> = new Set(FIELD_SAFE_DENIED_FUNCTION_NAMES)

/**
 * Checks a function name as written (`lower`, `pg_catalog.lower`) against
 * the allowlist and the denylist, and returns the bare name. A name in any
 * other schema is refused: only `pg_catalog`'s functions were vetted.
 *
 * @throws {GuardError} `function_not_allowed`.
 */
export function checkFunctionName(names: readonly string[], location: unknown): string {
  const name = names[names.length - 1] ?? ''
  const qualifiedElsewhere = names.length > 2 || (names.length === 2 && names[0] !== 'pg_catalog')
  if (qualifiedElsewhere || !FUNCTIONS.has(name) || isDeniedFunctionName(name)) {
    const written = names.join('.')
    throw new GuardError('function_not_allowed', `function ${written} is not allowed`, atByte(location), { function: written })
  }
  return name
}

/**
 * Checks a field selection (`alias.name`, `(expr).name`). When `name` is no
 * column or field, PostgreSQL calls the function `name(alias)` instead:
 * `(x).current_setting` is `current_setting(x)`. Names of denied functions
 * that one argument can reach are therefore refused here as well, and so is
 * every other denylisted name (an extension's `dblink` outside `pg_catalog`)
 * except the catalog's own that no single argument reaches (`t.version`).
 *
 * @throws {GuardError} `function_not_allowed`.
 */
export function checkFieldSelection(name: string, location: unknown): void {
  const denylisted = !FUNCTIONS.has(name) && !FIELD_SAFE_DENIED.has(name) && isDeniedFunctionName(name)
  if (FIELD_CALLABLE_DENIED.has(name) || denylisted) {
    throw new GuardError(
      'function_not_allowed',
      `selecting field ${name} would call the function ${name}, which is not allowed`,
      atByte(location),
      {
        function: name,
      },
    )
  }
}

/** Whether a vetted function takes `VARIADIC "any"` arguments, whose parameter types PostgreSQL cannot infer. */
export function isVariadicAny(name: string): boolean {
  return VARIADIC_ANY.has(name)
}

/**
 * Checks an operator name as written (`=`, `OPERATOR(pg_catalog.=)`).
 *
 * @throws {GuardError} `operator_not_allowed`.
 */
export function checkOperator(value: unknown, location: unknown): void {
  const names = stringList(value) ?? []
  const symbol = names[names.length - 1] ?? ''
  const qualifiedElsewhere = names.length > 2 || (names.length === 2 && names[0] !== 'pg_catalog')
  if (names.length === 0 || qualifiedElsewhere || !OPERATORS.has(symbol)) {
    const written = names.join('.')
    throw new GuardError('operator_not_allowed', `operator ${written} is not allowed`, atByte(location), { function: written })
  }
}

/**
 * The functions behind SQL-standard value keywords. Date and time keywords
 * are always fine; the others stand for a catalog function and are allowed
 * exactly when it is (`current_catalog` is `current_database()`, denied).
 */
const VALUE_FUNCTIONS: Readonly<Record<string, { keyword: string; function?: string }>> = {
  SVFOP_CURRENT_DATE: { keyword: 'current_date' },
  SVFOP_CURRENT_TIME: { keyword: 'current_time' },
  SVFOP_CURRENT_TIME_N: { keyword: 'current_time' },
  SVFOP_CURRENT_TIMESTAMP: { keyword: 'current_timestamp' },
  SVFOP_CURRENT_TIMESTAMP_N: { keyword: 'current_timestamp' },
  SVFOP_LOCALTIME: { keyword: 'localtime' },
  SVFOP_LOCALTIME_N: { keyword: 'localtime' },
  SVFOP_LOCALTIMESTAMP: { keyword: 'localtimestamp' },
  SVFOP_LOCALTIMESTAMP_N: { keyword: 'localtimestamp' },
  SVFOP_CURRENT_ROLE: { keyword: 'current_role', function: 'current_user' },
  SVFOP_CURRENT_USER: { keyword: 'current_user', function: 'current_user' },
  SVFOP_USER: { keyword: 'user', function: 'current_user' },
  SVFOP_SESSION_USER: { keyword: 'session_user', function: 'session_user' },
  SVFOP_CURRENT_CATALOG: { keyword: 'current_catalog', function: 'current_database' },
  SVFOP_CURRENT_SCHEMA: { keyword: 'current_schema', function: 'current_schema' },
}

/**
 * Checks a SQL value keyword (`current_timestamp`, `current_user`, ...).
 *
 * @throws {GuardError} `function_not_allowed`, or `unsupported_syntax` for a keyword this table lacks.
 */
export function checkValueFunction(body: NodeBody): void {
  const entry = VALUE_FUNCTIONS[String(body['op'])]
  if (entry === undefined) {
    throw new GuardError('unsupported_syntax', `the SQL checker does not know ${String(body['op'])}`, atByte(body['location']), {
      node: 'SQLValueFunction',
    })
  }
  if (entry.function !== undefined && (!FUNCTIONS.has(entry.function) || isDeniedFunctionName(entry.function))) {
    throw new GuardError('function_not_allowed', `${entry.keyword} is not allowed`, atByte(body['location']), { function: entry.keyword })
  }
}

/** Types whose input function looks objects up in the catalogs: the `reg*` aliases and `oid` itself. */
const CATALOG_TYPES: ReadonlySet<string> = new Set([...OBJECT_ID_TYPES, ...TEXT_SEARCH_OBJECT_TYPES])

/**
 * Checks a type name (casts, column definitions of a function in FROM).
 *
 * @throws {GuardError} `catalog_access_not_allowed` for `reg*` and `oid`
 *   (and their arrays), `unsupported_syntax` for `%TYPE` and `SETOF`, which
 *   belong to function definitions.
 */
export function checkTypeName(body: NodeBody): void {
  const names = stringList(body['names']) ?? []
  const name = names[names.length - 1] ?? ''
  if (CATALOG_TYPES.has(name.startsWith('_') ? name.slice(1) : name)) {
    throw new GuardError('catalog_access_not_allowed', `type ${names.join('.')} reads the system catalogs`, atByte(body['location']))
  }
  if (body['pct_type'] === true || body['setof'] === true) {
    throw new GuardError('unsupported_syntax', 'the SQL checker does not know %TYPE or SETOF in a statement', atByte(body['location']), {
      node: 'TypeName',
    })
  }
}
