import type { ClientCase, ClientScriptStep } from '@compiled-sql/protocol'

/** One loaded, checked case of the client corpus. */
export interface LoadedClientCase {
  /** The case as its file holds it. */
  readonly fixture: ClientCase
  /** The file, relative to the corpus directory, with `/` separators. */
  readonly path: string
  /** The script with `times` unrolled: one step per request the server expects. */
  readonly steps: readonly ClientScriptStep[]
}

/** The script with every step repeated `times` times, in order. */
export function unrollScript(script: readonly ClientScriptStep[] | undefined): ClientScriptStep[] {
  return (script ?? []).flatMap((step) => Array.from({ length: step.times ?? 1 }, () => step))
}
