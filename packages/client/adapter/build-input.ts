import type { ClientBuildInput } from '@compiled-sql/protocol'
import type { OperationInput } from '../src/index.js'

/**
 * The upstream SDK's `build_operation` arguments (snake_case, as the suite
 * sends them) as `buildOperation` input. Only `parameter_types` is spelled
 * differently; every value passes through unchanged, invalid ones included,
 * so that the builder reports them.
 */
export function operationInput(input: ClientBuildInput): OperationInput {
  const { parameter_types: parameterTypes, ...rest } = input
  return (parameterTypes === undefined ? rest : { ...rest, parameterTypes }) as OperationInput
}
