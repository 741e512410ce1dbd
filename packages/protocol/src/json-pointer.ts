/** Escapes one reference token of a JSON Pointer (RFC 6901): `~` as `~0`, `/` as `~1`. */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1')
}

/** Appends one reference token to a JSON Pointer. */
export function appendPointer(pointer: string, token: string | number): string {
  return `${pointer}/${escapePointerToken(token)}`
}
