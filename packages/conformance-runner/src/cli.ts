#!/usr/bin/env node
import { main } from './cli/program.js'

// `exitCode`, not `exit()`: a report piped to another process must be flushed first.
process.exitCode = await main(process.argv)
