#!/usr/bin/env node
/**
 * `compiled-sql`: the command-line client. Node only; the library it drives
 * (`@compiled-sql/client`) needs nothing but `fetch`.
 */
import { runCli } from './program.js'

process.exitCode = await runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env })
