/** One line of a diff: kept (` `), only expected (`-`), or only actual (`+`). */
export interface DiffLine {
  readonly mark: ' ' | '-' | '+'
  readonly text: string
}

/** The longest-common-subsequence table of two line lists, filled from the end. */
function lcsTable(a: readonly string[], b: readonly string[]): number[][] {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = table[i] as number[]
      row[j] = a[i] === b[j] ? (table[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(table[i + 1]?.[j] ?? 0, row[j + 1] ?? 0)
    }
  }
  return table
}

/** Every line of `expected` and `actual`, marked as a line diff (no context trimming). */
export function diffLines(expected: readonly string[], actual: readonly string[]): DiffLine[] {
  const table = lcsTable(expected, actual)
  const out: DiffLine[] = []
  let i = 0
  let j = 0
  while (i < expected.length || j < actual.length) {
    if (i < expected.length && j < actual.length && expected[i] === actual[j]) {
      out.push({ mark: ' ', text: expected[i++] as string })
      j++
    } else if (i < expected.length && (j === actual.length || (table[i + 1]?.[j] ?? 0) >= (table[i]?.[j + 1] ?? 0))) {
      // Removals first, as unified diffs show them.
      out.push({ mark: '-', text: expected[i++] as string })
    } else {
      out.push({ mark: '+', text: actual[j++] as string })
    }
  }
  return out
}

/** Options of {@link shortDiff}. */
export interface ShortDiffOptions {
  /** Unchanged lines kept around each change (default 2). */
  readonly context?: number
  /** Lines kept at most; the rest is summed up in one line (default 40). */
  readonly maxLines?: number
}

/**
 * A short diff of two JSON values, pretty-printed: changed lines with a little
 * context, unchanged stretches folded to `…`, and a cap, so that a CI summary
 * shows what differs without the whole document.
 */
export function shortDiff(expected: unknown, actual: unknown, options: ShortDiffOptions = {}): string[] {
  const context = options.context ?? 2
  const maxLines = options.maxLines ?? 40
  const text = (value: unknown) => (value === undefined ? [] : JSON.stringify(value, null, 2).split('\n'))
  const lines = diffLines(text(expected), text(actual))
  const near = (index: number) => lines.slice(Math.max(0, index - context), index + context + 1).some((line) => line.mark !== ' ')
  const kept: string[] = []
  lines.forEach((line, index) => {
    if (near(index)) kept.push(`${line.mark} ${line.text}`)
    else if (kept.at(-1) !== '  …') kept.push('  …')
  })
  return kept.length > maxLines ? [...kept.slice(0, maxLines), `  … ${kept.length - maxLines} more lines`] : kept
}
