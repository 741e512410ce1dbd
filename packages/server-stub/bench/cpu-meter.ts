import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

/** CPU time used so far, in µs, by each process group the benchmark watches. */
export interface CpuReading {
  /** This process: the benchmark's client side (pg client, HTTP client). */
  readonly bench: number
  /** The server-stub process. */
  readonly server: number
  /** The processes of the benchmark's PostgreSQL server (postmaster, backends, helpers), by pid. */
  readonly postgres: ReadonlyMap<number, number>
}

/** CPU used between two readings, in µs. */
export interface CpuUsed {
  readonly bench: number
  readonly server: number
  readonly postgres: number
}

let ticksPerSecond: number | undefined

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100
    } catch {
      ticksPerSecond = 100
    }
  }
  return ticksPerSecond
}

/** The parent pid of a process, from /proc (Linux); undefined elsewhere or when it is gone. */
export function parentPid(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
  } catch {
    return undefined
  }
}

/**
 * The CPU time of one PostgreSQL server's processes, from /proc (Linux): the
 * postmaster and its children, so that other servers on the machine (other
 * test runs) do not count. Resolution is one clock tick (10 ms), fine over
 * windows of thousands of queries; empty off Linux.
 */
export function postgresCpu(postmaster: number): Map<number, number> {
  const byPid = new Map<number, number>()
  let entries: string[]
  try {
    entries = readdirSync('/proc')
  } catch {
    return byPid
  }
  const tick = 1_000_000 / clockTicks()
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      // The fields after the command start at field 3 (state); ppid is field 4, utime and stime are fields 14 and 15.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(entry) !== postmaster && Number(fields[1]) !== postmaster) continue
      byPid.set(Number(entry), (Number(fields[11]) + Number(fields[12])) * tick)
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return byPid
}

/** Reads all three counters; `postmaster` is the pid of the benchmark's PostgreSQL server. */
export async function readCpu(serverCpuMicros: () => Promise<number>, postmaster: number): Promise<CpuReading> {
  const { user, system } = process.cpuUsage()
  return { bench: user + system, server: await serverCpuMicros(), postgres: postgresCpu(postmaster) }
}

/**
 * What was used between two readings. PostgreSQL processes are compared pid
 * by pid: one that ended in between is left out, one that started counts in
 * full, so a backend exiting never makes the sum go down.
 */
export function cpuBetween(before: CpuReading, after: CpuReading): CpuUsed {
  let postgres = 0
  for (const [pid, micros] of after.postgres) postgres += micros - (before.postgres.get(pid) ?? 0)
  return { bench: after.bench - before.bench, server: after.server - before.server, postgres }
}

/** Adds usages up. */
export function addCpu(a: CpuUsed, b: CpuUsed): CpuUsed {
  return { bench: a.bench + b.bench, server: a.server + b.server, postgres: a.postgres + b.postgres }
}

/** No usage. */
export const NO_CPU: CpuUsed = { bench: 0, server: 0, postgres: 0 }
