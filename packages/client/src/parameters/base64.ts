/**
 * Encodes bytes as standard base64 with padding, the protocol's `bytes`
 * encoding. Uses `btoa`, which Node 20 and browsers both have, so the core
 * needs no `Buffer`; a Node `Buffer` is a `Uint8Array` and works as is.
 *
 * @example
 * ```ts
 * encodeBase64(new Uint8Array([0xde, 0xad, 0xbe, 0xef])) // '3q2+7w=='
 * ```
 */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = ''
  // Chunks keep String.fromCharCode's argument list well under engine limits.
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  }
  return btoa(binary)
}
