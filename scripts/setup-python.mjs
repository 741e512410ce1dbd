#!/usr/bin/env node
// Creates the repository's Python virtual environment (.venv) and installs the
// packages the Python adapters and the differential gate need. Idempotent: it
// reinstalls only when adapters/python/requirements.txt changes.
import { ensureVenv } from './lib/python-venv.mjs'

const outcome = ensureVenv({ venv: '.venv', requirements: 'adapters/python/requirements.txt' })
console.log(outcome === 'current' ? '.venv is up to date' : '.venv ready')
