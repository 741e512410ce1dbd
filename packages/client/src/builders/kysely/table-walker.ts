import { excerpt, rawTextMayNameTables } from '../../scope/raw-text.js'
import type { TableReference } from '../../scope/statement-shape.js'
import type { TableName } from '../../scope/table-name.js'
import { identifierName, isNode, type KyselyNode } from './operation-node.js'

/** Node kinds whose children hold no relation: values (user data that may look like nodes), and qualified column references. */
const LEAVES = new Set(['ValueNode', 'PrimitiveValueListNode', 'ReferenceNode', 'CommonTableExpressionNameNode', 'IdentifierNode', 'ColumnNode'])

/**
 * Collects the relations a Kysely operation tree references, as PostgreSQL
 * would resolve them:
 * - a `TableNode` in a FROM, JOIN, USING, INTO or UPDATE position, in any
 *   subquery, CTE body or set operation, is a reference;
 * - the table qualifier of a column (`"asset"."uid"`) is not, nor are CTE
 *   names, nor an unqualified name that a visible CTE shadows (a WITH's
 *   names are visible in its query; in a non-recursive WITH each body sees
 *   the earlier ones, in WITH RECURSIVE all of them);
 * - `FOR UPDATE OF a` names aliases, not tables.
 * Raw `sql` fragments are read through the placeholder lexer: if one may name
 * a table ({@link rawTextMayNameTables}) its excerpt is kept in `rawText`.
 *
 * @example
 * ```ts
 * const walker = new KyselyTableWalker(new Set([insertNode.into]))
 * walker.visit(insertNode, [])
 * walker.tables // [{ table: { name: 'asset' }, access: 'write' }, …]
 * ```
 */
export class KyselyTableWalker {
  readonly tables: TableReference[] = []
  rawText: string | undefined

  /** @param targets - the TableNodes the statement mutates, reported with `access: "write"`. */
  constructor(private readonly targets: ReadonlySet<unknown>) {}

  /** Visits a node (or an array of nodes) with the CTE names visible there. */
  visit(value: unknown, ctes: readonly string[]): void {
    if (Array.isArray(value)) {
      for (const item of value) this.visit(item, ctes)
      return
    }
    if (!isNode(value) || LEAVES.has(value.kind)) return
    switch (value.kind) {
      case 'TableNode':
        return this.#table(value, undefined, ctes)
      case 'AliasNode':
        if (isNode(value['node']) && value['node'].kind === 'TableNode') return this.#table(value['node'], identifierName(value['alias']), ctes)
        return this.visit(value['node'], ctes)
      case 'RawNode':
        this.#raw(value)
        return this.visit(value['parameters'], ctes)
      case 'SelectModifierNode':
        return this.visit(value['rawModifier'], ctes)
      default:
        return this.#children(value, isNode(value['with']) ? this.#withClause(value['with'], ctes) : ctes)
    }
  }

  #children(node: KyselyNode, ctes: readonly string[]): void {
    for (const key in node) {
      if (key !== 'kind' && key !== 'with') this.visit(node[key], ctes)
    }
  }

  /** Visits the CTE bodies and returns the names visible in the query that owns the WITH. */
  #withClause(withNode: KyselyNode, outer: readonly string[]): readonly string[] {
    const expressions = Array.isArray(withNode['expressions']) ? (withNode['expressions'] as unknown[]) : []
    const names = expressions.map((cte) => (isNode(cte) ? cteName(cte) : undefined)).filter((name): name is string => name !== undefined)
    const all = [...outer, ...names]
    expressions.forEach((cte, i) => {
      if (isNode(cte)) this.visit(cte['expression'], withNode['recursive'] === true ? all : [...outer, ...names.slice(0, i)])
    })
    return all
  }

  #table(node: KyselyNode, alias: string | undefined, ctes: readonly string[]): void {
    const name = tableName(node)
    if (name === undefined || (name.schema === undefined && ctes.includes(name.name))) return
    this.tables.push({ table: name, ...(alias !== undefined && { alias }), access: this.targets.has(node) ? 'write' : 'read' })
  }

  #raw(node: KyselyNode): void {
    if (this.rawText !== undefined) return
    const fragments = Array.isArray(node['sqlFragments']) ? (node['sqlFragments'] as unknown[]).filter((f): f is string => typeof f === 'string') : []
    // A neutral token stands for each parameter, so a quote split by a parameter still lexes.
    const text = fragments.join(' 0 ')
    if (rawTextMayNameTables(text)) this.rawText = excerpt(text)
  }
}

function cteName(cte: KyselyNode): string | undefined {
  const name = cte['name']
  return isNode(name) && isNode(name['table']) ? tableName(name['table'])?.name : undefined
}

/**
 * The name a `TableNode` carries.
 *
 * @example
 * ```ts
 * tableName(TableNode.createWithSchema('market', 'venue')) // { schema: 'market', name: 'venue' }
 * ```
 */
export function tableName(node: KyselyNode): TableName | undefined {
  const identifier = node['table']
  if (!isNode(identifier)) return undefined
  const name = identifierName(identifier['identifier'])
  const schema = identifierName(identifier['schema'])
  if (name === undefined) return undefined
  return schema === undefined ? { name } : { schema, name }
}
