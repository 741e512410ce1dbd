#!/usr/bin/env node
// Creates .venv-upstream, a virtual environment apart from .venv, with the
// upstream Python SDK (`mainsequence` from PyPI) for the optional interop check
// (adapters/python/upstream_interop/check_upstream.py). Run only on request
// (`npm run setup:upstream-interop`): the SDK is heavy (pandas, numpy,
// OpenTelemetry, psycopg2 built from source) and nothing in `npm test` needs it.
// Idempotent: it reinstalls only when the requirements file changes. The
// stamp is written last, so an interrupted install is redone next time, and
// the check treats a venv without it as absent.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const venv = join(root, '.venv-upstream')
const requirements = join(root, 'adapters/python/upstream_interop/requirements.txt')
const stamp = join(venv, '.requirements.sha256')
const python = join(venv, 'bin/python')
const digest = createHash('sha256').update(readFileSync(requirements)).digest('hex')

if (existsSync(python) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) {
  console.log('.venv-upstream is up to date')
  process.exit(0)
}

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit', cwd: root })
const basePython = process.env.PYTHON ?? 'python3'
// mainsequence 4.4.x requires Python >= 3.11 (5.x and 6.x need 3.13): say so
// plainly instead of letting pip report "no matching distribution".
const version = execFileSync(basePython, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' }).trim()
const [major = 0, minor = 0] = version.split('.').map(Number)
if (major < 3 || (major === 3 && minor < 11)) {
  console.error(`setup:upstream-interop: ${basePython} is Python ${version}; mainsequence 4.4.x needs Python >= 3.11 (set PYTHON=...)`)
  process.exit(1)
}

try {
  if (existsSync(stamp)) rmSync(stamp)
  if (!existsSync(python)) run(basePython, ['-m', 'venv', venv])
  run(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', requirements])
  run(python, ['-m', 'pip', 'check'])
} catch (error) {
  console.error(`setup:upstream-interop: installing ${requirements} into .venv-upstream failed (${error.message});`)
  console.error('the interop check will report "skipped" until it succeeds. See docs/conformance/upstream-interop.md.')
  process.exit(1)
}
writeFileSync(stamp, digest)
console.log('.venv-upstream ready')
