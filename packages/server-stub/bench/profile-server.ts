import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { summarizeCpuProfile, type ProfileRow } from './cpu-profile-summary.js'
import { drive } from './load.js'
import type { QueryPath } from './paths.js'
import { fixed, table } from './report.js'
import type { ServerProcess } from './server-process.js'

/** How to profile the server. */
export interface ProfileOptions {
  readonly concurrency: number
  readonly durationMs: number
  readonly intervalMicros: number
}

function rows(title: string, data: readonly ProfileRow[]): string {
  return `${title}\n${table([['', 'share', 'µs/req'], ...data.map((r) => [`  ${r.name}`, `${(r.share * 100).toFixed(1)}%`, fixed(r.microsPerRequest, 1)])])}`
}

/**
 * Profiles the server process with V8's sampler while `path` loads it, and
 * summarizes where the time went. The sampler ticks on wall time, so a thread
 * preempted inside a syscall is counted there; at concurrency 1 the processes
 * rarely compete for a CPU and the samples read as CPU time.
 *
 * @returns the printable summary; the `.cpuprofile` stays on disk for a viewer.
 */
export async function profileServer(server: ServerProcess, path: QueryPath, options: ProfileOptions): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'stub-bench-profile-')), 'server.cpuprofile')
  await drive(path, options.concurrency, 300)
  const cpuBefore = await server.cpuMicros()
  await server.startProfile(options.intervalMicros)
  const requests = await drive(path, options.concurrency, options.durationMs)
  await server.stopProfile(file)
  const cpuPerRequest = ((await server.cpuMicros()) - cpuBefore) / requests
  const summary = summarizeCpuProfile(file, requests)
  return [
    `server process at concurrency ${options.concurrency} for ${options.durationMs / 1000} s, V8 sampling every ${options.intervalMicros} µs: ${requests} requests`,
    `profile: ${file}`,
    `busy in ${((1 - summary.idleShare) * 100).toFixed(1)}% of the samples, ${fixed(summary.busyMicrosPerRequest, 1)} µs per request; ` +
      `the OS counted ${fixed(cpuPerRequest, 1)} µs CPU per request (profiler included)`,
    rows('self time by area (builtins count for their caller):', summary.byArea),
    rows('self time by function (leaf frames):', summary.bySelf),
    rows('inclusive time of server-stub functions (request spans):', summary.byStubInclusive),
  ].join('\n')
}
