/**
 * Runs tasks one at a time, in the order they were queued. PGlite is a single
 * backend with a single session, so its requests must not overlap.
 */
export class SerialQueue {
  #tail: Promise<void> = Promise.resolve()

  /** Queues `task` behind every task queued before it; settles as `task` does. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task)
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    )
    return result
  }
}
