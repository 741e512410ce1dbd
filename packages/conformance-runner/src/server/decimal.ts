import { LosslessNumber } from 'lossless-json'

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/

/**
 * A JSON number as canonical decimal text, so that two spellings of one value
 * compare equal (`2.50`, `2.5` and `25e-1` all give `2.5`; `-0` gives `0`)
 * without going through a double, which would make `9007199254740993` equal
 * to `9007199254740992`.
 */
export function canonicalDecimal(value: number | LosslessNumber): string {
  const text = value instanceof LosslessNumber ? value.value : String(value)
  const match = DECIMAL.exec(text)
  if (match === null) return text
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match
  // An exponent this large spells no value a server sends; compare it as written.
  if (Math.abs(Number(exponent)) > 10_000) return text
  const allDigits = whole + fraction
  const leadingZeros = allDigits.length - allDigits.replace(/^0+/, '').length
  const digits = allDigits.slice(leadingZeros).replace(/0+$/, '')
  if (digits === '') return '0'
  // The first significant digit has the place value 10^(point - 1).
  const point = whole.length - leadingZeros + Number(exponent)
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
}
