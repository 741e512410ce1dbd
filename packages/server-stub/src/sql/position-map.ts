import { TextOffsets } from './text-offsets.js'

/** One replacement the rewrite made: `original[originalStart, originalEnd)` became `rewritten[rewrittenStart, rewrittenEnd)` (UTF-16 indices). */
export interface RewriteEdit {
  readonly originalStart: number
  readonly originalEnd: number
  readonly rewrittenStart: number
  readonly rewrittenEnd: number
}

/**
 * Maps positions in the rewritten `$n` text back to the original pyformat
 * SQL, so that errors point at what the client wrote. A position inside a
 * replaced span (`$3` for `%(name)s`) maps to the start of what it replaced.
 */
export class PositionMap {
  readonly #original: TextOffsets
  readonly #rewritten: TextOffsets
  readonly #edits: readonly RewriteEdit[]

  constructor(original: TextOffsets, rewritten: TextOffsets, edits: readonly RewriteEdit[]) {
    this.#original = original
    this.#rewritten = rewritten
    this.#edits = edits
  }

  /** The original UTF-16 index for a rewritten UTF-16 index. */
  originalIndex(rewrittenIndex: number): number {
    let delta = 0
    for (const edit of this.#edits) {
      if (rewrittenIndex < edit.rewrittenStart) break
      if (rewrittenIndex < edit.rewrittenEnd) return edit.originalStart
      delta = edit.originalEnd - edit.rewrittenEnd
    }
    return rewrittenIndex + delta
  }

  /** The 1-based original position of a UTF-8 byte offset in the rewritten text (a parse-tree `location`). */
  fromRewrittenByte(byte: number): number {
    return this.#original.positionOfIndex(this.originalIndex(this.#rewritten.indexOfByte(byte)))
  }

  /**
   * The 1-based original position of a 1-based character position in the
   * rewritten text, as PostgreSQL reports it in an error's `position`.
   */
  fromDatabasePosition(position: number): number {
    return this.#original.positionOfIndex(this.originalIndex(this.#rewritten.indexOfPosition(position)))
  }

  /** The 1-based position of an original UTF-16 index. */
  fromOriginalIndex(index: number): number {
    return this.#original.positionOfIndex(index)
  }
}
