import { TEXT_CACHE_CAPACITY, TextCache } from '../cache/text-cache.js'
import { OperationBuildError } from '../errors/operation-build-error.js'
import { defaultParameterName, namesFromList, type ParameterNamer } from './parameter-name.js'
import { scanSql } from './scan-sql.js'

/** Options of {@link toPyformat}. */
export interface ToPyformatOptions {
  /** The name for `$n`: a function, or a list with `names[0]` for `$1`. Defaults to `p1`, `p2`, …. */
  readonly names?: ParameterNamer | readonly string[]
}

/**
 * The result of {@link toPyformat}: the pyformat SQL and, in order of first
 * use, each distinct `$n` with the name it became.
 *
 * @example
 * ```ts
 * const { sql, placeholders } = toPyformat('SELECT $2, $1, $2')
 * // sql: 'SELECT %(p2)s, %(p1)s, %(p2)s'
 * // placeholders: [{ index: 2, name: 'p2' }, { index: 1, name: 'p1' }]
 * ```
 */
export interface PyformatSql {
  readonly sql: string
  readonly placeholders: readonly { readonly index: number; readonly name: string }[]
}

/**
 * Rewrites PostgreSQL `$n` placeholders (as Kysely, Drizzle and Knex's
 * `toNative()` emit them) into pyformat `%(name)s`, and doubles every other
 * `%` — in code, strings and comments alike, as pyformat requires. `$n` inside
 * a string, quoted identifier, dollar quote or comment is left alone. A `$n`
 * used twice maps to the same name.
 *
 * @throws {OperationBuildError} `sql_syntax_error` for text the scanner cannot
 *   split (see {@link scanSql}); `invalid_value` for a name that is empty,
 *   contains `)`, or is given to two different parameters.
 *
 * @example
 * ```ts
 * toPyformat("SELECT * FROM t WHERE s LIKE '%$1%' AND id = $1").sql
 * // "SELECT * FROM t WHERE s LIKE '%%$1%%' AND id = %(p1)s"
 * ```
 */
export function toPyformat(sql: string, options: ToPyformatOptions = {}): PyformatSql {
  // Only the default names depend on nothing but the text; custom namers may differ per call.
  if (options.names !== undefined) return rewrite(sql, options)
  return DEFAULT_NAMES_CACHE.get(sql) ?? DEFAULT_NAMES_CACHE.set(sql, rewrite(sql, options))
}

const DEFAULT_NAMES_CACHE = new TextCache<PyformatSql>(TEXT_CACHE_CAPACITY)

function rewrite(sql: string, options: ToPyformatOptions): PyformatSql {
  const nameOf = typeof options.names === 'function' ? options.names : options.names ? namesFromList(options.names) : defaultParameterName
  const names = new Map<number, string>()
  const taken = new Map<string, number>()
  let out = ''
  let copied = 0
  // Every region but a placeholder is copied with % doubled, so only placeholders split the text.
  for (const token of scanSql(sql)) {
    if (token.kind !== 'placeholder' || token.index === undefined) continue
    out += doublePercent(sql.slice(copied, token.start))
    copied = token.end
    let name = names.get(token.index)
    if (name === undefined) {
      name = checkedName(nameOf(token.index), token.index, taken)
      names.set(token.index, name)
      taken.set(name, token.index)
    }
    out += `%(${name})s`
  }
  out += doublePercent(sql.slice(copied))
  return Object.freeze({ sql: out, placeholders: Object.freeze([...names].map(([index, name]) => Object.freeze({ index, name }))) })
}

function checkedName(name: string, index: number, taken: ReadonlyMap<string, number>): string {
  const fail = (why: string): never => {
    throw new OperationBuildError('invalid_value', '/statement/parameters', `the name ${JSON.stringify(name)} for $${index} ${why}`)
  }
  if (name.length === 0 || name.includes(')')) fail('must be non-empty and contain no ")"; choose another name')
  const other = taken.get(name)
  if (other !== undefined) fail(`is already the name of $${other}; give each parameter its own name`)
  return name
}

function doublePercent(text: string): string {
  return text.includes('%') ? text.replaceAll('%', '%%') : text
}
