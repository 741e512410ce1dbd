import { describe, expect, it } from 'vitest'
import { TextOffsets } from '../../src/sql/text-offsets.js'

describe('text offsets', () => {
  const text = "a'é🚀'b" // a ' é(2 bytes) 🚀(4 bytes, 2 units) ' b

  it('maps UTF-8 byte offsets to UTF-16 indices', () => {
    const offsets = new TextOffsets(text)
    expect([0, 1, 2, 4, 8, 9, 10].map((byte) => offsets.indexOfByte(byte))).toEqual([0, 1, 2, 3, 5, 6, 7])
    expect(offsets.indexOfByte(3)).toBe(2) // inside é: the character it belongs to
  })

  it('maps UTF-16 indices to UTF-8 byte offsets', () => {
    const offsets = new TextOffsets(text)
    expect([0, 2, 3, 5, 7].map((index) => offsets.byteOfIndex(index))).toEqual([0, 2, 4, 8, 10])
  })

  it('counts code points for 1-based positions, both ways', () => {
    const offsets = new TextOffsets(text)
    expect([0, 2, 3, 5, 6].map((index) => offsets.positionOfIndex(index))).toEqual([1, 3, 4, 5, 6])
    expect([1, 3, 4, 5, 6].map((position) => offsets.indexOfPosition(position))).toEqual([0, 2, 3, 5, 6])
  })

  it('is the identity on ASCII', () => {
    const offsets = new TextOffsets('select 1')
    expect([offsets.ascii, offsets.indexOfByte(4), offsets.byteOfIndex(4), offsets.positionOfIndex(4), offsets.indexOfPosition(5)]).toEqual(
      [true, 4, 4, 5, 4],
    )
  })
})
