/** The exit statuses of `compiled-sql`, documented in docs/client.md. */
export const EXIT = {
  /** The command did what was asked: the query ran, the document is valid. */
  ok: 0,
  /** The server refused or failed the request (`ok` is false), or the document is invalid. */
  failed: 1,
  /** Wrong flags or arguments, or no endpoint or token configured. */
  usage: 64,
  /** The input file cannot be read, or is not an envelope the client can send. */
  dataError: 65,
} as const
