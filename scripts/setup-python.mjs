#!/usr/bin/env node
// Creates the repository's Python virtual environment (.venv) and installs the
// packages the Python adapters and the differential gate need. Idempotent: it
// reinstalls only when adapters/python/requirements.txt changes.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const venv = join(root, '.venv')
const requirements = join(root, 'adapters/python/requirements.txt')
const stamp = join(venv, '.requirements.sha256')
const python = join(venv, 'bin/python')
const digest = createHash('sha256').update(readFileSync(requirements)).digest('hex')

if (existsSync(python) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) {
  console.log('.venv is up to date')
} else {
  const run = (command, args) => execFileSync(command, args, { stdio: 'inherit', cwd: root })
  if (!existsSync(python)) run(process.env.PYTHON ?? 'python3', ['-m', 'venv', venv])
  run(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', requirements])
  writeFileSync(stamp, digest)
  console.log('.venv ready')
}
