import type { ServerCaller, ServerCase, ServerExpectation, ServerRequest } from '@compiled-sql/protocol'

/** One HTTP exchange of a case, with the caller it inherits and a name to report it by. */
export interface CaseStep {
  /** The step's own name, `main` for the main exchange, or `setup-N` / `then-N`. */
  readonly name: string
  readonly caller: ServerCaller
  readonly request: ServerRequest
  readonly followPages: boolean
  readonly expect: ServerExpectation
}

/** The name of the main exchange, which `same_body_as` may refer to. */
export const MAIN_STEP = 'main'

/** Every exchange of a case in the order it runs: setup, main, then. */
export function caseSteps(serverCase: ServerCase): CaseStep[] {
  const step = (phase: 'setup' | 'then') => (s: NonNullable<ServerCase['setup']>[number], index: number): CaseStep => ({
    name: s.name ?? `${phase}-${index + 1}`,
    caller: s.caller === undefined ? serverCase.caller : s.caller,
    request: s.request,
    followPages: s.follow_pages === true,
    expect: s.expect,
  })
  return [
    ...(serverCase.setup ?? []).map(step('setup')),
    { name: MAIN_STEP, caller: serverCase.caller, request: serverCase.request, followPages: serverCase.follow_pages === true, expect: serverCase.expect },
    ...(serverCase.then ?? []).map(step('then')),
  ]
}
