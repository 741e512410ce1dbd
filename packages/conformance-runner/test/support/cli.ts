import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The built CLI: the tests run what users run. `npm test` builds it first (turbo). */
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))

/** The repository root. */
export const REPO = fileURLToPath(new URL('../../../../', import.meta.url))

/** What one CLI run produced. */
export interface CliRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs `compiled-sql-conformance` with `args` in a real subprocess (stdout is a pipe, so JSON by default). */
export function runCli(args: readonly string[], options: { cwd?: string } = {}): Promise<CliRun> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build -w @compiled-sql/conformance-runner\` first`)
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: options.cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1
      resolve({ code, stdout, stderr })
    })
  })
}
