/**
 * How a field of a parse-tree node holds its value: a wrapped node
 * (`{Type: {...}}`, or `{}` for NIL), a list of wrapped nodes, a scalar, or a
 * bare struct of a named type (libpg-query writes typed struct fields such as
 * `InsertStmt.relation` without the `{RangeVar: ...}` wrapper).
 */
export type FieldShape = 'node' | 'list' | 'scalar' | { readonly struct: string }

/** The fields of one node type. A field missing here is refused, so a node the parser grows is never skipped unseen. */
export type NodeShape = Readonly<Record<string, FieldShape>>

const S = 'scalar'
const N = 'node'
const L = 'list'
const struct = (name: string): FieldShape => ({ struct: name })
const returning = { returningList: L, returningClause: struct('ReturningClause') } as const

/**
 * Every node type the SQL checker knows, with every field PostgreSQL 15's or
 * 18's raw parse tree can give it in a SELECT, INSERT, UPDATE, DELETE or
 * EXPLAIN. A node type missing here (MERGE, XMLTABLE, TABLESAMPLE, WHERE
 * CURRENT OF, RETURNING OLD/NEW, ...) is refused as `unsupported_syntax`.
 */
// prettier-ignore
export const NODE_SHAPES: Readonly<Record<string, NodeShape>> = {
  SelectStmt: {
    distinctClause: L, intoClause: struct('IntoClause'), targetList: L, fromClause: L, whereClause: N, groupClause: L,
    groupDistinct: S, havingClause: N, windowClause: L, valuesLists: L, sortClause: L, limitOffset: N, limitCount: N,
    limitOption: S, lockingClause: L, withClause: struct('WithClause'), op: S, all: S, larg: struct('SelectStmt'),
    rarg: struct('SelectStmt'),
  },
  InsertStmt: {
    relation: struct('RangeVar'), cols: L, selectStmt: N, onConflictClause: struct('OnConflictClause'),
    withClause: struct('WithClause'), override: S, ...returning,
  },
  UpdateStmt: { relation: struct('RangeVar'), targetList: L, whereClause: N, fromClause: L, withClause: struct('WithClause'), ...returning },
  DeleteStmt: { relation: struct('RangeVar'), usingClause: L, whereClause: N, withClause: struct('WithClause'), ...returning },
  ReturningClause: { exprs: L },
  OnConflictClause: { action: S, infer: struct('InferClause'), targetList: L, whereClause: N, location: S },
  InferClause: { indexElems: L, whereClause: N, conname: S, location: S },
  IndexElem: { name: S, expr: N, indexcolname: S, collation: L, opclass: L, ordering: S, nulls_ordering: S },
  WithClause: { ctes: L, recursive: S, location: S },
  CommonTableExpr: {
    ctename: S, aliascolnames: L, ctematerialized: S, ctequery: N, search_clause: struct('CTESearchClause'),
    cycle_clause: struct('CTECycleClause'), location: S,
  },
  CTESearchClause: { search_col_list: L, search_breadth_first: S, search_seq_column: S, location: S },
  CTECycleClause: {
    cycle_col_list: L, cycle_mark_column: S, cycle_mark_value: N, cycle_mark_default: N, cycle_path_column: S, location: S,
  },
  ExplainStmt: { query: N, options: L },
  DefElem: { defname: S, arg: N, defaction: S, location: S },
  LockingClause: { lockedRels: L, strength: S, waitPolicy: S },
  RangeVar: { catalogname: S, schemaname: S, relname: S, inh: S, relpersistence: S, alias: struct('Alias'), location: S },
  Alias: { aliasname: S, colnames: L },
  JoinExpr: {
    jointype: S, isNatural: S, larg: N, rarg: N, usingClause: L, join_using_alias: struct('Alias'), quals: N,
    alias: struct('Alias'), rtindex: S,
  },
  RangeSubselect: { lateral: S, subquery: N, alias: struct('Alias') },
  RangeFunction: { lateral: S, ordinality: S, is_rowsfrom: S, functions: L, alias: struct('Alias'), coldeflist: L },
  ColumnDef: { colname: S, typeName: struct('TypeName'), is_local: S, collClause: struct('CollateClause'), location: S },
  TypeName: { names: L, typeOid: S, setof: S, pct_type: S, typmods: L, typemod: S, arrayBounds: L, location: S },
  ResTarget: { name: S, indirection: L, val: N, location: S },
  MultiAssignRef: { source: N, colno: S, ncolumns: S },
  ColumnRef: { fields: L, location: S },
  ParamRef: { number: S, location: S },
  A_Const: {
    ival: struct('Integer'), fval: struct('Float'), boolval: struct('Boolean'), sval: struct('String'),
    bsval: struct('BitString'), isnull: S, location: S,
  },
  Integer: { ival: S },
  Float: { fval: S },
  Boolean: { boolval: S },
  String: { sval: S },
  BitString: { bsval: S },
  List: { items: L },
  A_Star: {},
  A_Expr: { kind: S, name: L, lexpr: N, rexpr: N, rexpr_list_start: S, rexpr_list_end: S, location: S },
  A_ArrayExpr: { elements: L, list_start: S, list_end: S, location: S },
  A_Indices: { is_slice: S, lidx: N, uidx: N },
  A_Indirection: { arg: N, indirection: L },
  BoolExpr: { boolop: S, args: L, location: S },
  NullTest: { arg: N, nulltesttype: S, argisrow: S, location: S },
  BooleanTest: { arg: N, booltesttype: S, location: S },
  CaseExpr: { arg: N, args: L, defresult: N, location: S },
  CaseWhen: { expr: N, result: N, location: S },
  CoalesceExpr: { args: L, location: S },
  MinMaxExpr: { op: S, args: L, location: S },
  RowExpr: { args: L, row_format: S, colnames: L, location: S },
  SubLink: { subLinkType: S, subLinkId: S, testexpr: N, operName: L, subselect: N, location: S },
  TypeCast: { arg: N, typeName: struct('TypeName'), location: S },
  CollateClause: { arg: N, collname: L, location: S },
  FuncCall: {
    funcname: L, args: L, agg_order: L, agg_filter: N, over: struct('WindowDef'), agg_within_group: S, agg_star: S,
    agg_distinct: S, func_variadic: S, funcformat: S, location: S,
  },
  NamedArgExpr: { arg: N, name: S, argnumber: S, location: S },
  WindowDef: {
    name: S, refname: S, partitionClause: L, orderClause: L, frameOptions: S, startOffset: N, endOffset: N, location: S,
  },
  SortBy: { node: N, sortby_dir: S, sortby_nulls: S, useOp: L, location: S },
  GroupingSet: { kind: S, content: L, location: S },
  GroupingFunc: { args: L, location: S },
  SetToDefault: { location: S },
  SQLValueFunction: { op: S, typmod: S, location: S },
}
