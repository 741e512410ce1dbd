/**
 * The types that name catalog objects by id: `oid` and the `reg*` aliases
 * whose input functions look objects up by name. A cast to one reads the
 * catalogs; a function taking one addresses the server's internals. The text
 * search aliases `regconfig` and `regdictionary` are apart: they name only
 * configurations, and `to_tsvector('english', body)` takes one.
 */
export const OBJECT_ID_TYPES: ReadonlySet<string> = new Set([
  'oid',
  'regclass',
  'regcollation',
  'regnamespace',
  'regoper',
  'regoperator',
  'regproc',
  'regprocedure',
  'regrole',
  'regtype',
])

/** The text search `reg*` aliases: allowed as function arguments, refused as casts like every `reg*` type. */
export const TEXT_SEARCH_OBJECT_TYPES: ReadonlySet<string> = new Set(['regconfig', 'regdictionary'])
