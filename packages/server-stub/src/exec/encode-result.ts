import { encodeValue } from './encode-value.js'
import type { ResultColumn } from './execution-request.js'
import type { RawResult } from './pg-query.js'
import { resultColumns, rowObject } from './result-columns.js'
import type { CatalogQuery, TypeCatalog } from './type-catalog.js'

/** Rows and columns of a statement, encoded for the protocol. */
export interface EncodedRows {
  readonly columns: readonly ResultColumn[]
  readonly rows: Record<string, unknown>[]
  /** Whether `keep` cut rows off. */
  readonly truncated: boolean
}

/**
 * Encodes a statement's text rows by column type, keeping at most `keep`
 * rows. Types not seen before are looked up through `query` (on the
 * connection at hand, so inside the transaction when one is open).
 */
export async function encodeResult(raw: RawResult, catalog: TypeCatalog, query: CatalogQuery, keep?: number): Promise<EncodedRows> {
  const infos = await catalog.infos(
    raw.fields.map((field) => field.dataTypeID),
    query,
  )
  const columns = resultColumns(
    raw.fields.map((field) => field.name),
    infos.map((info) => info.name),
  )
  const kept = keep === undefined ? raw.rows : raw.rows.slice(0, keep)
  const rows = kept.map((values) =>
    rowObject(
      columns,
      values.map((value, index) => encodeValue(value, infos[index]!)),
    ),
  )
  return { columns, rows, truncated: kept.length < raw.rows.length }
}
