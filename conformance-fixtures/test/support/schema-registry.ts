import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { escapeToken, isJsonObject, type Json, type JsonObject, pointerTokens } from './json.js'

/** The canonical schemas, read from disk rather than from `@compiled-sql/protocol`, so that the walker stays independent of the code it checks. */
export const SCHEMA_DIR = fileURLToPath(new URL('../../../schemas/compiled-sql.v1/', import.meta.url))

/** A subschema together with where it sits: the file that holds it and the JSON Pointer to it in that file. */
export interface SchemaNode {
  /** The schema file's name, such as `operation.schema.json`. */
  readonly file: string
  /** The JSON Pointer to this subschema inside `file` (`''` for the root). */
  readonly pointer: string
  readonly schema: JsonObject
}

/** The schema files by `$id`, with `$ref` resolution. */
export interface SchemaRegistry {
  /** The root of one schema file. */
  root(file: string): SchemaNode
  /** The subschema under `node` at the relative path `tokens` (unescaped), such as `['properties', 'ok']`. */
  child(node: SchemaNode, ...tokens: string[]): SchemaNode
  /** Resolves a `$ref` written in `node` against the `$id` of `node`'s file. */
  resolve(node: SchemaNode, ref: string): SchemaNode
}

interface SchemaFile {
  readonly file: string
  readonly id: string
  readonly root: JsonObject
}

function asSchema(value: Json | undefined, where: string): JsonObject {
  if (!isJsonObject(value)) throw new Error(`${where} is not a schema object`)
  return value
}

/** Loads every `*.schema.json` in `dir`. */
export function loadSchemaRegistry(dir: string = SCHEMA_DIR): SchemaRegistry {
  const byId = new Map<string, SchemaFile>()
  const byFile = new Map<string, SchemaFile>()
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.schema.json'))) {
    const root = asSchema(JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as Json, file)
    const id = root['$id']
    if (typeof id !== 'string') throw new Error(`${file} has no $id`)
    const entry = { file, id, root }
    byId.set(id, entry)
    byFile.set(file, entry)
  }

  function at(entry: SchemaFile, pointer: string): SchemaNode {
    let value: Json | undefined = entry.root
    for (const token of pointerTokens(pointer)) value = Array.isArray(value) ? value[Number(token)] : isJsonObject(value) ? value[token] : undefined
    return { file: entry.file, pointer, schema: asSchema(value, `${entry.file}#${pointer}`) }
  }

  function fileOf(name: string): SchemaFile {
    const entry = byFile.get(name)
    if (entry === undefined) throw new Error(`unknown schema file ${name}`)
    return entry
  }

  return {
    root: (file) => at(fileOf(file), ''),
    child: (node, ...tokens) => at(fileOf(node.file), node.pointer + tokens.map((t) => `/${escapeToken(t)}`).join('')),
    resolve(node, ref) {
      const url = new URL(ref, fileOf(node.file).id)
      const fragment = decodeURIComponent(url.hash.slice(1))
      url.hash = ''
      const entry = byId.get(url.href)
      if (entry === undefined) throw new Error(`${node.file}#${node.pointer}: $ref ${ref} names no loaded schema`)
      return at(entry, fragment)
    },
  }
}
