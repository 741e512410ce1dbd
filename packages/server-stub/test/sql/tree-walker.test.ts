import { describe, expect, it } from 'vitest'
import { GuardError } from '../../src/sql/guard-error.js'
import { NODE_SHAPES } from '../../src/sql/node-shapes.js'
import { ScopeIndex } from '../../src/sql/relation-resolver.js'
import { TreeChecker } from '../../src/sql/tree-checker.js'
import { forEachChild, unwrap, type NodeBody } from '../../src/sql/tree-walker.js'
import { DEFAULT_SCOPE, refused } from './support.js'

function refusal(run: () => unknown): GuardError {
  try {
    run()
  } catch (error) {
    if (error instanceof GuardError) return error
    throw error
  }
  throw new Error('expected a GuardError')
}

const checker = () => new TreeChecker(new ScopeIndex(DEFAULT_SCOPE, ['public']), { read: true, strict: false })
const secret = { RangeVar: { relname: 'secret', inh: true, relpersistence: 'p', location: 14 } }

describe('the fail-closed walk', () => {
  it('refuses a node type it does not know, naming it', () => {
    const error = refusal(() => forEachChild('FutureExpr', { location: 3 }, () => undefined))
    expect(error.code).toBe('unsupported_syntax')
    expect(error.details).toEqual({ node: 'FutureExpr' })
    expect(error.location).toEqual({ rewrittenByte: 3 })
  })

  it('refuses a field it does not know instead of skipping it, even one that hides a relation', () => {
    const select: NodeBody = { targetList: [], futureClause: [secret], op: 'SETOP_NONE' }
    const error = refusal(() => checker().check('SelectStmt', select))
    expect(error.code).toBe('unsupported_syntax')
    expect(error.message).toContain('SelectStmt.futureClause')
  })

  it('refuses values of the wrong shape', () => {
    expect(refusal(() => forEachChild('ColumnRef', { fields: 'a' }, () => undefined)).code).toBe('unsupported_syntax')
    expect(refusal(() => forEachChild('ParamRef', { number: { n: 1 } }, () => undefined)).code).toBe('unsupported_syntax')
    expect(refusal(() => forEachChild('TypeCast', { typeName: [] }, () => undefined)).code).toBe('unsupported_syntax')
    expect(refusal(() => unwrap({ A_Const: {}, ColumnRef: {} })).code).toBe('unsupported_syntax')
    expect(refusal(() => unwrap('RangeVar')).code).toBe('unsupported_syntax')
  })

  it('reads {} as NIL', () => {
    expect(unwrap({})).toBeUndefined()
  })

  it('walks bare typed structs: the target of an INSERT, the alias of a RangeVar, the larg of a UNION', () => {
    const visited: string[] = []
    forEachChild('InsertStmt', { relation: { relname: 't', alias: { aliasname: 'x' } }, override: 'OVERRIDING_NOT_SET' }, (type) =>
      visited.push(type),
    )
    forEachChild('SelectStmt', { larg: { op: 'SETOP_NONE' }, rarg: { op: 'SETOP_NONE' }, op: 'SETOP_UNION' }, (type) => visited.push(type))
    expect(visited).toEqual(['RangeVar', 'SelectStmt', 'SelectStmt'])
  })

  it('finds a relation in every list and node field of a SELECT', () => {
    // Each clause holds a scalar sub-select over an unscoped table.
    const sub = { SubLink: { subLinkType: 'EXPR_SUBLINK', subselect: { SelectStmt: { fromClause: [secret], op: 'SETOP_NONE' } } } }
    for (const field of ['targetList', 'groupClause', 'distinctClause', 'sortClause', 'windowClause', 'valuesLists']) {
      expect(refusal(() => checker().check('SelectStmt', { [field]: [sub], op: 'SETOP_NONE' })).code).toBe('relation_not_in_scope')
    }
    for (const field of ['whereClause', 'havingClause', 'limitCount', 'limitOffset']) {
      expect(refusal(() => checker().check('SelectStmt', { [field]: sub, op: 'SETOP_NONE' })).code).toBe('relation_not_in_scope')
    }
  })

  it('knows every field of the statements it accepts in both grammars', () => {
    // RETURNING is returningList in 15 and returningClause in 18; both must be walked.
    expect(NODE_SHAPES['InsertStmt']).toMatchObject({ returningList: 'list', returningClause: { struct: 'ReturningClause' } })
    expect(NODE_SHAPES['ReturningClause']).toEqual({ exprs: 'list' }) // no options: RETURNING OLD/NEW is refused
  })

  it('refuses real syntax it does not know: XMLELEMENT, TABLESAMPLE, WHERE CURRENT OF', async () => {
    expect(await refused('SELECT xmlelement(name a)')).toMatchObject({ code: 'unsupported_syntax', details: { node: 'XmlExpr' } })
    expect(await refused('SELECT * FROM trade TABLESAMPLE BERNOULLI (1)')).toMatchObject({ details: { node: 'RangeTableSample' } })
    expect(await refused('UPDATE trade SET qty = 1 WHERE CURRENT OF c', { operation: 'update' })).toMatchObject({
      details: { node: 'CurrentOfExpr' },
    })
  })
})
