// Characters the WHATWG URL parser leaves as they are in a path (no percent-encoding, no backslash, no fragment).
const PLAIN_PATH = /^\/(?!\/)[\w\-.~/]*$/
// `.` and `..` segments, which the URL parser resolves.
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/

/**
 * The path of a request target, as `new URL(target, base).pathname` gives it.
 * An ordinary origin-form target (`/path?query`) is split at `?`, which
 * costs far less than a full URL parse on every request; anything the parser
 * would rewrite (dot segments, escapes, `//`, absolute form) takes the full parse.
 */
export function requestPath(target: string | undefined): string {
  const raw = target ?? '/'
  const queryAt = raw.indexOf('?')
  const path = queryAt === -1 ? raw : raw.slice(0, queryAt)
  if (PLAIN_PATH.test(path) && !DOT_SEGMENT.test(path)) return path
  return new URL(raw, 'http://stub').pathname
}
