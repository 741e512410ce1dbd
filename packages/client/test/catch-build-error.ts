import { OperationBuildError } from '../src/index.js'

/** Runs `run` and returns the OperationBuildError it throws or rejects with; fails otherwise. */
export async function buildErrorOf(run: () => unknown): Promise<OperationBuildError> {
  try {
    await run()
  } catch (error) {
    if (error instanceof OperationBuildError) return error
    throw error
  }
  throw new Error('expected an OperationBuildError, but nothing was thrown')
}
