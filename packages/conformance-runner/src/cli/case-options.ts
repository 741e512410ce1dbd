import { InvalidArgumentError, Option, type Command } from 'commander'

/** Commander's collector for a repeatable option: every value, in order. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

/** Commander's parser for a positive whole number (`--timeout`, `--jobs`). */
export function positiveInteger(value: string): number {
  const number = Number(value)
  if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(number) || number < 1) throw new InvalidArgumentError('expected a positive integer')
  return number
}

/**
 * Adds the options every suite command shares, in the order `--help` lists
 * them: case selection (`--run`, `--skip`, `--known-failures`) and report
 * output (`--report`, `--junit`, `--tap`, `--markdown`, `--format`, read by
 * `writeReports`).
 */
export function addCaseOptions(command: Command): Command {
  return command
    .option('--run <glob>', 'run only cases whose id matches (repeatable; * within a segment, ** across, a group name selects the group)', collect, [])
    .option('--skip <glob>', 'leave out cases whose id matches (repeatable)', collect, [])
    .option('--known-failures <file>', 'a known-failures baseline: {"known_failures": [{"id", "reason"}]}')
    .option('--report <file>', 'also write the JSON report to this file')
    .option('--junit <file>', 'also write a JUnit XML report to this file')
    .option('--tap <file>', 'also write a TAP version 14 report to this file')
    .option('--markdown <file>', 'also write a Markdown summary to this file (e.g. "$GITHUB_STEP_SUMMARY")')
    .addOption(new Option('--format <format>', 'stdout format (default: pretty on a terminal, else json)').choices(['pretty', 'json']))
}
