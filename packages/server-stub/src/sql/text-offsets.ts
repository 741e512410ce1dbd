/**
 * Converts between the three ways positions in a SQL text are counted:
 * UTF-8 byte offsets (libpg-query's `location`, scan `start`/`end` and
 * `cursorPosition`), UTF-16 code-unit indices (JavaScript string indices) and
 * Unicode code points (PostgreSQL's and the protocol's 1-based `position`).
 *
 * Pure ASCII text, the common case, needs no tables: all three coincide.
 */
export class TextOffsets {
  readonly text: string
  readonly ascii: boolean
  /** `byteToIndex[b]` = UTF-16 index of the character that byte `b` belongs to; built on first use. */
  #byteToIndex: Uint32Array | undefined

  constructor(text: string) {
    this.text = text
    this.ascii = isAscii(text)
  }

  /** The UTF-16 index of the character at UTF-8 byte offset `byte` (the text's length at or past its end). */
  indexOfByte(byte: number): number {
    if (byte <= 0) return 0
    if (this.ascii) return Math.min(byte, this.text.length)
    const table = (this.#byteToIndex ??= buildByteToIndex(this.text))
    return byte >= table.length ? this.text.length : table[byte] ?? this.text.length
  }

  /** The UTF-8 byte offset of UTF-16 index `index`. */
  byteOfIndex(index: number): number {
    return this.ascii ? index : Buffer.byteLength(this.text.slice(0, index), 'utf8')
  }

  /** The 1-based code-point position of the character at UTF-16 index `index`. */
  positionOfIndex(index: number): number {
    if (this.ascii) return index + 1
    let position = 1
    for (let i = 0; i < index && i < this.text.length; i++) {
      const unit = this.text.charCodeAt(i)
      // A high surrogate followed by a low one is one code point.
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < index) {
        const next = this.text.charCodeAt(i + 1)
        if (next >= 0xdc00 && next <= 0xdfff) i++
      }
      position++
    }
    return position
  }

  /** The UTF-16 index of 1-based code-point position `position`. */
  indexOfPosition(position: number): number {
    if (this.ascii) return Math.max(0, Math.min(position - 1, this.text.length))
    let index = 0
    for (let remaining = position - 1; remaining > 0 && index < this.text.length; remaining--) {
      index += (this.text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1
    }
    return index
  }
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false
  return true
}

function buildByteToIndex(text: string): Uint32Array {
  const table = new Uint32Array(Buffer.byteLength(text, 'utf8') + 1)
  let byte = 0
  for (let index = 0; index < text.length; ) {
    const codePoint = text.codePointAt(index) ?? 0
    const units = codePoint > 0xffff ? 2 : 1
    const bytes = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4
    for (let k = 0; k < bytes; k++) table[byte + k] = index
    byte += bytes
    index += units
  }
  table[byte] = text.length
  return table
}
