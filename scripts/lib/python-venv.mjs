// One Python virtual environment inside the repository, installed from a
// requirements file. Idempotent: it reinstalls only when the requirements file
// changes. The stamp (the file's SHA-256) is written last, so an interrupted
// install is redone next time.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * Creates `venv` (relative to the root) with `basePython` when missing, and
 * installs `requirements` into it unless the stamp says it is current.
 * `afterInstall(run, python)` runs once after a fresh install, before the stamp.
 *
 * @returns `'current'` when nothing had to be done, `'installed'` otherwise.
 */
export function ensureVenv({ venv, requirements, basePython = process.env.PYTHON ?? 'python3', afterInstall }) {
  const venvDir = join(root, venv)
  const requirementsFile = join(root, requirements)
  const stamp = join(venvDir, '.requirements.sha256')
  const python = join(venvDir, 'bin/python')
  const digest = createHash('sha256').update(readFileSync(requirementsFile)).digest('hex')
  if (existsSync(python) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return 'current'
  const run = (command, args) => execFileSync(command, args, { stdio: 'inherit', cwd: root })
  if (existsSync(stamp)) rmSync(stamp)
  if (!existsSync(python)) run(basePython, ['-m', 'venv', venvDir])
  run(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', requirementsFile])
  afterInstall?.(run, python)
  writeFileSync(stamp, digest)
  return 'installed'
}
