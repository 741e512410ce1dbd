/** A mistake in how the command was called: exits 64 with the message. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** An input that cannot be read or used: exits 65 with the message. */
export class InputError extends Error {
  override readonly name = 'InputError'
}
