/** One error as Ajv's generated code reports it. Internal: callers see {@link ValidationIssue}s. */
export interface AjvError {
  readonly instancePath: string
  readonly schemaPath: string
  readonly keyword: string
  readonly params: Readonly<Record<string, unknown>>
  readonly message?: string
  readonly propertyName?: string
  /** Present on the issues pass, which is compiled with `verbose`. */
  readonly parentSchema?: Readonly<Record<string, unknown>>
}

/** The signature of an Ajv standalone validator, as `scripts/generate-validators.ts` emits it. */
export interface ValidateFunction {
  (data: unknown): boolean
  errors?: readonly AjvError[] | null
}
