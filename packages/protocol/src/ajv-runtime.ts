/**
 * The Unicode length of a string, counting a surrogate pair as one character,
 * as JSON Schema's `minLength` and `maxLength` require. The generated
 * validators import this in place of Ajv's own runtime helper.
 */
export function ucs2length(value: string): number {
  let length = 0
  for (let index = 0; index < value.length; index++) {
    length++
    const code = value.charCodeAt(index)
    // A high surrogate followed by a low one is a single code point.
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < value.length) {
      const next = value.charCodeAt(index + 1)
      if ((next & 0xfc00) === 0xdc00) index++
    }
  }
  return length
}
