#!/usr/bin/env node
// Creates .venv-upstream, a virtual environment apart from .venv, with the
// upstream Python SDK (`mainsequence` from PyPI) for the optional interop check
// (adapters/python/upstream_interop/check_upstream.py). Run only on request
// (`npm run setup:upstream-interop`): the SDK is heavy (pandas, numpy,
// OpenTelemetry, psycopg2 built from source) and nothing in `npm test` needs it.
// Idempotent (see lib/python-venv.mjs); the check treats a venv without its
// stamp as absent.
import { execFileSync } from 'node:child_process'
import { ensureVenv } from './lib/python-venv.mjs'

const requirements = 'adapters/python/upstream_interop/requirements.txt'
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
  const outcome = ensureVenv({ venv: '.venv-upstream', requirements, basePython, afterInstall: (run, python) => run(python, ['-m', 'pip', 'check']) })
  console.log(outcome === 'current' ? '.venv-upstream is up to date' : '.venv-upstream ready')
} catch (error) {
  console.error(`setup:upstream-interop: installing ${requirements} into .venv-upstream failed (${error.message});`)
  console.error('the interop check will report "skipped" until it succeeds. See docs/conformance/upstream-interop.md.')
  process.exit(1)
}
