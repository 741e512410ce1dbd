import { checkFieldSelection, checkFunctionName, checkOperator, checkTypeName, checkValueFunction, isVariadicAny } from './call-policy.js'
import { GuardError, atByte } from './guard-error.js'
import { checkStrictCase, checkStrictComparison } from './literal-policy.js'
import { requireWrite, withCtes, type CteScope, type ScopeIndex } from './relation-resolver.js'
import { forEachChild, stringList, unwrap, visitWrapped, type NodeBody } from './tree-walker.js'

/** Where in the query a node sits: the CTEs it can see, and whether relations there are locked (so must be writable). */
interface Context {
  readonly ctes: CteScope | undefined
  readonly locked: boolean
}

/** What a successful check learned about the statement. */
export interface CheckOutcome {
  /** MetaTable uids the statement writes. */
  readonly writes: readonly string[]
  /** For each `$n`: how often it is used, and how often as a direct argument of a `VARIADIC "any"` function. */
  readonly parameterUses: ReadonlyMap<number, { uses: number; anyUses: number }>
}

const TOP: Context = { ctes: undefined, locked: false }
const SELECT_HANDLED: ReadonlySet<string> = new Set(['withClause', 'intoClause', 'lockingClause', 'fromClause'])
const WRITE_HANDLED: ReadonlySet<string> = new Set(['withClause', 'relation'])
const DATA_MODIFYING: ReadonlySet<string> = new Set(['InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt'])
const BETWEEN_KINDS: ReadonlySet<string> = new Set(['AEXPR_BETWEEN', 'AEXPR_NOT_BETWEEN', 'AEXPR_BETWEEN_SYM', 'AEXPR_NOT_BETWEEN_SYM'])
const OPERATOR_KINDS: ReadonlySet<string> = new Set([
  'AEXPR_OP',
  'AEXPR_OP_ANY',
  'AEXPR_OP_ALL',
  'AEXPR_DISTINCT',
  'AEXPR_NOT_DISTINCT',
  'AEXPR_NULLIF',
  'AEXPR_IN',
  'AEXPR_LIKE',
  'AEXPR_ILIKE',
  'AEXPR_SIMILAR',
])
const EXPLAIN_OPTIONS: ReadonlySet<string> = new Set(['verbose', 'costs', 'settings', 'buffers', 'wal', 'timing', 'summary', 'format'])

/**
 * The fail-closed walk of one statement's parse tree (step 7): every node
 * is visited through {@link forEachChild}, which refuses what it does not
 * know; the node types that matter for scope, writes, calls, catalogs and
 * literals get a handler here. A checker is used for one tree only.
 */
export class TreeChecker {
  readonly #index: ScopeIndex
  readonly #strict: boolean
  readonly #read: boolean
  readonly #writes: string[] = []
  readonly #uses = new Map<number, { uses: number; anyUses: number }>()
  #lastByte = -1

  /** `read` forbids locking clauses anywhere (select, run_query); `strict` is the strict literal policy. */
  constructor(index: ScopeIndex, options: { readonly read: boolean; readonly strict: boolean }) {
    this.#index = index
    this.#read = options.read
    this.#strict = options.strict
  }

  /**
   * Checks a top-level SelectStmt, InsertStmt, UpdateStmt, DeleteStmt or
   * ExplainStmt (whose kind was already matched against the operation).
   *
   * @throws {GuardError}
   */
  check(type: string, body: NodeBody): CheckOutcome {
    try {
      if (type === 'SelectStmt') this.#select(body, TOP)
      else if (type === 'ExplainStmt') this.#explain(body)
      else this.#write(type, body)
    } catch (error) {
      // A refusal without a location of its own points at the last node that had one.
      if (error instanceof GuardError && error.location === undefined && this.#lastByte >= 0) {
        throw new GuardError(error.code, error.message, { rewrittenByte: this.#lastByte }, error.details)
      }
      throw error
    }
    return { writes: [...new Set(this.#writes)], parameterUses: this.#uses }
  }

  #visit(type: string, body: NodeBody, ctx: Context): void {
    const location = body['location']
    if (typeof location === 'number' && location >= 0) this.#lastByte = location
    switch (type) {
      case 'SelectStmt':
        return this.#select(body, ctx)
      case 'RangeVar':
        return this.#rangeVar(body, ctx)
      case 'FuncCall':
        return this.#funcCall(body, ctx)
      case 'A_Expr':
        return this.#aExpr(body, ctx)
      case 'ParamRef':
        this.#use(body['number']).uses++
        return forEachChild(type, body, this.#children(ctx))
      case 'ColumnRef': {
        // `a.b` may be a call b(a) when b is no column of a; a lone name never is.
        const fields = Array.isArray(body['fields']) ? body['fields'] : []
        const last = fields.length > 1 ? stringList(fields.slice(-1))?.[0] : undefined
        if (last !== undefined) checkFieldSelection(last, location)
        return forEachChild(type, body, this.#children(ctx))
      }
      case 'A_Indirection':
        for (const name of stringList(
          (Array.isArray(body['indirection']) ? body['indirection'] : []).filter((item) => unwrap(item)?.type === 'String'),
        ) ?? []) {
          checkFieldSelection(name, this.#lastByte)
        }
        return forEachChild(type, body, this.#children(ctx))
      case 'SubLink':
        if (body['operName'] !== undefined) checkOperator(body['operName'], location)
        return forEachChild(type, body, this.#children(ctx))
      case 'SortBy':
        if (body['useOp'] !== undefined) checkOperator(body['useOp'], location)
        return forEachChild(type, body, this.#children(ctx))
      case 'TypeName':
        checkTypeName(body)
        return forEachChild(type, body, this.#children(ctx))
      case 'SQLValueFunction':
        checkValueFunction(body)
        return forEachChild(type, body, this.#children(ctx))
      case 'CaseExpr':
        if (this.#strict) checkStrictCase(body)
        return forEachChild(type, body, this.#children(ctx))
      case 'IntoClause':
        throw new GuardError('statement_not_allowed', 'SELECT INTO creates a table and is not allowed', undefined, {
          statement_kind: 'select into',
        })
      case 'LockingClause':
      case 'WithClause':
      case 'CommonTableExpr':
      case 'ExplainStmt':
      case 'DefElem':
        // Only valid where their owner handles them; anywhere else the tree is not what the checker expects.
        throw new GuardError('unsupported_syntax', `the SQL checker does not expect ${type} here`, atByte(location), { node: type })
      default:
        if (DATA_MODIFYING.has(type)) {
          throw new GuardError('statement_not_allowed', 'a data-modifying statement cannot be nested in a query', atByte(location), {
            statement_kind: type,
          })
        }
        return forEachChild(type, body, this.#children(ctx))
    }
  }

  #children(ctx: Context): (type: string, body: NodeBody) => void {
    return (type, body) => this.#visit(type, body, ctx)
  }

  #use(number: unknown): { uses: number; anyUses: number } {
    const key = typeof number === 'number' ? number : 0
    let entry = this.#uses.get(key)
    if (entry === undefined) this.#uses.set(key, (entry = { uses: 0, anyUses: 0 }))
    return entry
  }

  /** A SELECT (or VALUES, or set operation) at any depth. */
  #select(body: NodeBody, outer: Context): void {
    if (body['intoClause'] !== undefined) {
      throw new GuardError('statement_not_allowed', 'SELECT INTO creates a table and is not allowed', undefined, {
        statement_kind: 'select into',
      })
    }
    const ctx = body['withClause'] === undefined ? outer : this.#withClause(body['withClause'] as NodeBody, outer)
    let fromCtx = ctx
    const locking = body['lockingClause']
    if (Array.isArray(locking) && locking.length > 0) {
      if (this.#read) {
        throw new GuardError('statement_not_allowed', 'a locking clause (FOR UPDATE, FOR SHARE) is not allowed in a read', undefined, {
          statement_kind: 'select for update',
        })
      }
      // The lock reaches every table in FROM (and, conservatively, in its sub-queries): each must be scoped for writing.
      for (const item of locking) visitWrapped(item, (type, clause) => this.#lockingClause(type, clause))
      fromCtx = { ...ctx, locked: true }
    }
    forEachChild('SelectStmt', body, this.#children(ctx), SELECT_HANDLED)
    const from = body['fromClause']
    if (from !== undefined) {
      if (!Array.isArray(from))
        throw new GuardError('unsupported_syntax', 'the SQL checker does not know a non-list FROM', undefined, { node: 'SelectStmt' })
      for (const item of from) visitWrapped(item, this.#children(fromCtx))
    }
  }

  /** `FOR UPDATE OF a, b` names FROM items, not relations: only its shape is checked. */
  #lockingClause(type: string, clause: NodeBody): void {
    if (type !== 'LockingClause')
      throw new GuardError('unsupported_syntax', `the SQL checker does not expect ${type} here`, undefined, { node: type })
    forEachChild(type, clause, (itemType, item) => forEachChild(itemType, item, () => undefined))
  }

  /**
   * A WITH list. Each CTE body sees the CTEs before it (with RECURSIVE, all of
   * them, itself included); the query that owns the WITH sees all of them;
   * nothing outside does. A data-modifying CTE is refused in every statement.
   */
  #withClause(clause: NodeBody, outer: Context): Context {
    const ctes = Array.isArray(clause['ctes']) ? clause['ctes'] : []
    const names = ctes.map((cte) => String(unwrap(cte)?.body['ctename'] ?? ''))
    let scope = clause['recursive'] === true ? withCtes(outer.ctes, names) : outer.ctes
    const recursive = clause['recursive'] === true
    forEachChild('WithClause', clause, (type, cte) => {
      if (type !== 'CommonTableExpr')
        throw new GuardError('unsupported_syntax', `the SQL checker does not expect ${type} in WITH`, undefined, { node: type })
      this.#cte(cte, { ...outer, ctes: scope })
      if (!recursive) scope = withCtes(scope, [String(cte['ctename'] ?? '')])
    })
    return { ...outer, ctes: scope }
  }

  #cte(cte: NodeBody, ctx: Context): void {
    const query = unwrap(cte['ctequery'])
    if (query !== undefined && DATA_MODIFYING.has(query.type)) {
      throw new GuardError(
        'statement_not_allowed',
        `WITH ${String(cte['ctename'])} modifies data, which a WITH query may not`,
        atByte(cte['location']),
        {
          statement_kind: query.type,
        },
      )
    }
    forEachChild('CommonTableExpr', cte, this.#children(ctx))
  }

  #rangeVar(body: NodeBody, ctx: Context): void {
    const resolution = this.#index.resolve(body, ctx.ctes)
    if (resolution.kind === 'table' && ctx.locked) requireWrite(resolution, body)
    forEachChild('RangeVar', body, this.#children(ctx))
  }

  #funcCall(body: NodeBody, ctx: Context): void {
    const names = stringList(body['funcname'])
    if (names === undefined)
      throw new GuardError('unsupported_syntax', 'the SQL checker does not know this function name', atByte(body['location']), {
        node: 'FuncCall',
      })
    const name = checkFunctionName(names, body['location'])
    if (isVariadicAny(name) && body['func_variadic'] !== true && Array.isArray(body['args'])) {
      for (const arg of body['args']) {
        const node = unwrap(arg)
        if (node?.type === 'ParamRef') this.#use(node.body['number']).anyUses++
      }
    }
    forEachChild('FuncCall', body, this.#children(ctx))
  }

  #aExpr(body: NodeBody, ctx: Context): void {
    const kind = String(body['kind'])
    if (OPERATOR_KINDS.has(kind)) checkOperator(body['name'], body['location'])
    else if (!BETWEEN_KINDS.has(kind))
      throw new GuardError('unsupported_syntax', `the SQL checker does not know ${kind} expressions`, atByte(body['location']), {
        node: 'A_Expr',
      })
    if (this.#strict) checkStrictComparison(body)
    forEachChild('A_Expr', body, this.#children(ctx))
  }

  /** EXPLAIN (without ANALYZE, which classification refused) of a SELECT, for run_query. */
  #explain(body: NodeBody): void {
    forEachChild('ExplainStmt', body, (type, child) => {
      if (type === 'SelectStmt') return this.#select(child, TOP)
      if (type !== 'DefElem' || !EXPLAIN_OPTIONS.has(String(child['defname']))) {
        throw new GuardError(
          'unsupported_syntax',
          `the SQL checker does not know EXPLAIN option ${String(child['defname'] ?? type)}`,
          atByte(child['location']),
          { node: type },
        )
      }
      forEachChild(type, child, this.#children(TOP))
    })
  }

  /** A top-level INSERT, UPDATE or DELETE: its WITH, its target (which must be writable), then everything else. */
  #write(type: string, body: NodeBody): void {
    const ctx = body['withClause'] === undefined ? TOP : this.#withClause(body['withClause'] as NodeBody, TOP)
    const relation = body['relation']
    if (typeof relation !== 'object' || relation === null)
      throw new GuardError('unsupported_syntax', `${type} without a target`, undefined, { node: type })
    const target = relation as NodeBody
    if (typeof target['location'] === 'number') this.#lastByte = target['location']
    for (const scoped of this.#index.resolveTarget(target)) this.#writes.push(scoped.metaTableUid)
    forEachChild('RangeVar', target, this.#children(ctx))
    forEachChild(type, body, this.#children(ctx), WRITE_HANDLED)
  }
}
