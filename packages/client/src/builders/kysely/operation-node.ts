/**
 * A Kysely operation node as this adapter reads it: a frozen plain object
 * with a string `kind` (`SelectQueryNode`, `TableNode`, …). Read
 * structurally, so the adapter needs no runtime import of Kysely.
 *
 * @example
 * ```ts
 * const node: KyselyNode = { kind: 'TableNode', table: { kind: 'SchemableIdentifierNode', identifier: { kind: 'IdentifierNode', name: 'asset' } } }
 * ```
 */
export interface KyselyNode {
  readonly kind: string
  readonly [property: string]: unknown
}

/**
 * Whether a value is an operation node.
 *
 * @example
 * ```ts
 * isNode(compiled.query) // true
 * ```
 */
export function isNode(value: unknown): value is KyselyNode {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string'
}

/**
 * The `name` of an `IdentifierNode`, or `undefined`.
 *
 * @example
 * ```ts
 * identifierName({ kind: 'IdentifierNode', name: 'a' }) // 'a'
 * ```
 */
export function identifierName(value: unknown): string | undefined {
  return isNode(value) && typeof value['name'] === 'string' ? value['name'] : undefined
}

/**
 * The table node inside an `AliasNode` (`asset as a`), or the node itself.
 *
 * @example
 * ```ts
 * unaliased(updateNode.table) // the TableNode of `update "asset" as "a"`
 * ```
 */
export function unaliased(value: unknown): unknown {
  return isNode(value) && value.kind === 'AliasNode' ? value['node'] : value
}
