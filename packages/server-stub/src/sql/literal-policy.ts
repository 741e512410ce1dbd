import { GuardError, atByte } from './guard-error.js'
import { stringList, unwrap, type NodeBody } from './tree-walker.js'

/** Operators that compare their operands; `!=` is already `<>` in the parse tree. */
const COMPARISONS: ReadonlySet<string> = new Set(['=', '<>', '<', '>', '<=', '>=', '~~', '!~~', '~~*', '!~~*', '~', '!~'])

/** Expression kinds that compare their left operand with every value on the right. */
const COMPARING_KINDS: ReadonlySet<string> = new Set([
  'AEXPR_OP',
  'AEXPR_OP_ANY',
  'AEXPR_OP_ALL',
  'AEXPR_DISTINCT',
  'AEXPR_NOT_DISTINCT',
  'AEXPR_IN',
  'AEXPR_LIKE',
  'AEXPR_ILIKE',
  'AEXPR_SIMILAR',
  'AEXPR_BETWEEN',
  'AEXPR_NOT_BETWEEN',
  'AEXPR_BETWEEN_SYM',
  'AEXPR_NOT_BETWEEN_SYM',
])

/** Looks through casts, collations and `similar_to_escape(...)` to the expression being compared. */
function core(value: unknown): { type: string; body: NodeBody } | undefined {
  let node = value === undefined ? undefined : unwrap(value)
  while (node !== undefined) {
    if (node.type === 'TypeCast' || node.type === 'CollateClause') node = unwrap(node.body['arg'])
    else if (node.type === 'FuncCall' && stringList(node.body['funcname'])?.at(-1) === 'similar_to_escape') {
      const args = node.body['args']
      node = Array.isArray(args) && args.length > 0 ? unwrap(args[0]) : undefined
    } else break
  }
  return node
}

const isColumn = (value: unknown): boolean => core(value)?.type === 'ColumnRef'

/** The location of a constant operand (a non-NULL literal, or an ARRAY[...] or list of them), or `undefined`. */
function constantAt(value: unknown): number | undefined {
  const node = core(value)
  if (node === undefined) return undefined
  if (node.type === 'A_Const') return node.body['isnull'] === true ? undefined : Number(node.body['location'] ?? 0)
  const items = node.type === 'List' ? node.body['items'] : node.type === 'A_ArrayExpr' ? node.body['elements'] : undefined
  if (!Array.isArray(items)) return undefined
  for (const item of items) {
    const at = constantAt(item)
    if (at !== undefined) return at
  }
  return undefined
}

function refuse(at: number): never {
  throw new GuardError(
    'literal_comparison_not_allowed',
    'this data source requires values compared with a column to be bound parameters, not constants',
    atByte(at),
  )
}

/**
 * The strict literal policy for an operator expression: a column compared
 * directly with a constant (`side = 'buy'`, `qty > 5`, `id IN (1, 2)`,
 * `at BETWEEN '2024-01-01' AND ...`) is refused; NULL is not a constant here.
 *
 * @throws {GuardError} `literal_comparison_not_allowed`.
 */
export function checkStrictComparison(expr: NodeBody): void {
  const kind = String(expr['kind'])
  if (!COMPARING_KINDS.has(kind)) return
  if (kind === 'AEXPR_OP' && !COMPARISONS.has(stringList(expr['name'])?.at(-1) ?? '')) return
  const { lexpr, rexpr } = expr
  if (isColumn(lexpr)) {
    const at = constantAt(rexpr)
    if (at !== undefined) refuse(at)
  }
  if (isColumn(rexpr)) {
    const at = constantAt(lexpr)
    if (at !== undefined) refuse(at)
  }
}

/**
 * The strict literal policy for `CASE column WHEN constant ...`, which
 * compares the column with each constant.
 *
 * @throws {GuardError} `literal_comparison_not_allowed`.
 */
export function checkStrictCase(expr: NodeBody): void {
  if (!isColumn(expr['arg']) || !Array.isArray(expr['args'])) return
  for (const when of expr['args']) {
    const node = unwrap(when)
    const at = node?.type === 'CaseWhen' ? constantAt(node.body['expr']) : undefined
    if (at !== undefined) refuse(at)
  }
}
