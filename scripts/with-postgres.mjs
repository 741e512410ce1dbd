#!/usr/bin/env node
// Runs a command with a real PostgreSQL 15 server available as
// COMPILED_SQL_TEST_POSTGRES_URL. When the variable is already set (CI starts
// the server itself), the command simply runs. Otherwise the server is started
// from /usr/lib/postgresql/15/bin on a temp dir and a free loopback port, as the
// postgres user when run as root (initdb refuses root), and stopped at exit.
import { execFileSync, spawn } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin'
const [command, ...args] = process.argv.slice(2)
if (command === undefined) {
  console.error('usage: with-postgres.mjs <command> [args...]')
  process.exit(64)
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

function asPostgres(file, fileArgs) {
  const isRoot = process.getuid?.() === 0
  const [cmd, cmdArgs] = isRoot ? ['runuser', ['-u', 'postgres', '--', file, ...fileArgs]] : [file, fileArgs]
  execFileSync(cmd, cmdArgs, { stdio: ['ignore', 'ignore', 'inherit'] })
}

async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'compiled-sql-pg-'))
  const data = join(dir, 'data')
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
    chownSync(dir, uid, gid)
  }
  const port = await freePort()
  asPostgres(join(BIN, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'])
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`
  asPostgres(join(BIN, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-o', options, 'start'])
  const stop = () => {
    try {
      asPostgres(join(BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, stop }
}

let stop = () => {}
const env = { ...process.env }
if (env.COMPILED_SQL_TEST_POSTGRES_URL === undefined) {
  if (!existsSync(join(BIN, 'initdb'))) {
    console.error(`PostgreSQL 15 server binaries not found in ${BIN}; set POSTGRES_BIN or COMPILED_SQL_TEST_POSTGRES_URL.`)
    process.exit(70)
  }
  const server = await startServer()
  env.COMPILED_SQL_TEST_POSTGRES_URL = server.url
  stop = server.stop
  console.error(`with-postgres: PostgreSQL 15 at ${server.url}`)
}

const child = spawn(command, args, { stdio: 'inherit', env })
const forward = (signal) => child.kill(signal)
process.on('SIGINT', forward)
process.on('SIGTERM', forward)
child.on('exit', (code, signal) => {
  stop()
  process.exit(code ?? (signal ? 1 : 0))
})
