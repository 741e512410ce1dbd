/** The last lines of a stream, for error messages: a server's access log must not fill memory. */
export class OutputTail {
  readonly #lines: string[] = []
  readonly #max: number
  #partial = ''

  constructor(maxLines = 40) {
    this.#max = maxLines
  }

  /** Adds a chunk of output. */
  push(chunk: string): void {
    const lines = (this.#partial + chunk).split('\n')
    this.#partial = lines.pop() ?? ''
    this.#lines.push(...lines)
    if (this.#lines.length > this.#max) this.#lines.splice(0, this.#lines.length - this.#max)
  }

  /** The kept lines, the unfinished one included. */
  text(): string {
    return [...this.#lines, ...(this.#partial === '' ? [] : [this.#partial])].join('\n')
  }
}
