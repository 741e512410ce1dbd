/**
 * Runs `work` on every item with at most `jobs` at a time, and resolves when
 * all are done. After the first failure no new item starts; the items under
 * way finish, then the first error is thrown.
 */
export async function runPool<T>(items: readonly T[], jobs: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  let failure: { error: unknown } | undefined
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const item = items[next++] as T
      try {
        await work(item)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, worker))
  if (failure !== undefined) throw failure.error
}
