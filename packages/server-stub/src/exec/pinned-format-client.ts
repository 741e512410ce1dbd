import pg from 'pg'
import { OUTPUT_FORMAT_OPTIONS } from './session-settings.js'

/** The part of node-postgres' resolved connection settings that becomes the startup packet's `options`. */
interface ResolvedParameters {
  options?: string
}

/**
 * A `pg.Client` whose startup packet also pins the output formats
 * ({@link OUTPUT_FORMAT_OPTIONS}), so that transactions need not set them.
 * They are appended to the `options` node-postgres resolved (from the
 * connection string, the config or `PGOPTIONS`) rather than passed as a
 * config `options`, because a connection string's own `options` parameter
 * would silently replace a config one; appended last, ours win over any
 * `-c` of the same setting, as `SET LOCAL` did.
 */
export class PinnedFormatClient extends pg.Client {
  constructor(config?: pg.ClientConfig) {
    super(config)
    const parameters = (this as unknown as { connectionParameters: ResolvedParameters }).connectionParameters
    const own = parameters.options ?? ''
    parameters.options = own === '' ? OUTPUT_FORMAT_OPTIONS : `${own} ${OUTPUT_FORMAT_OPTIONS}`
  }
}
