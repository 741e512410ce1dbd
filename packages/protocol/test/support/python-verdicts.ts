import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SCHEMA_DIRECTORY, type WireDocument } from './schemas.js'
import type { Verdict } from './verdicts.js'

const here = dirname(fileURLToPath(import.meta.url))

/** The repository's virtual environment interpreter, made by `npm run setup:python`. */
export const VENV_PYTHON = join(here, '../../../../.venv/bin/python')

/** A document for the Python side: its schema name and its exact text. */
export interface TextCase {
  readonly document: WireDocument
  readonly text: string
}

/**
 * Python jsonschema's verdict on every case, in one interpreter run: the cases
 * go in as JSON lines on standard input (each text wrapped in a JSON string,
 * so lone surrogates and big integer literals arrive exactly), the verdicts
 * come back one line each.
 */
export function pythonVerdicts(cases: readonly TextCase[]): Verdict[] {
  if (!existsSync(VENV_PYTHON)) {
    throw new Error(`${VENV_PYTHON} is missing: run \`npm run setup:python\` at the repository root to create the Python virtual environment`)
  }
  const input = cases.map((c) => JSON.stringify({ document: c.document, text: c.text })).join('\n') + '\n'
  const run = spawnSync(VENV_PYTHON, [join(here, 'python_verdicts.py'), SCHEMA_DIRECTORY], {
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  })
  if (run.status !== 0) throw new Error(`python_verdicts.py failed (${String(run.status ?? run.signal)}):\n${run.stderr}`)
  const lines = run.stdout.split('\n').filter((line) => line !== '')
  if (lines.length !== cases.length) throw new Error(`python_verdicts.py answered ${lines.length} of ${cases.length} cases:\n${run.stderr}`)
  return lines.map((line): Verdict => {
    const answer = JSON.parse(line) as { valid?: boolean; error?: string }
    return answer.valid === undefined ? `error: ${answer.error ?? 'no verdict'}` : answer.valid ? 'valid' : 'invalid'
  })
}
