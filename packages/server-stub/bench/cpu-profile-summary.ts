import { readFileSync } from 'node:fs'

/** The parts of a V8 `.cpuprofile` the summary reads. */
interface CpuProfile {
  readonly nodes: readonly { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[]
  readonly samples: readonly number[]
  readonly startTime: number
  readonly endTime: number
}

/** One row of a summary: a name and its share of the busy (non-idle) samples. */
export interface ProfileRow {
  readonly name: string
  readonly share: number
  /** CPU µs per request, when the request count is known. */
  readonly microsPerRequest: number
}

/** Where a profiled server spent its CPU. */
export interface ProfileSummary {
  /** The share of samples the process was idle (waiting on sockets). */
  readonly idleShare: number
  /** Busy CPU µs per request. */
  readonly busyMicrosPerRequest: number
  /** Self time by area (a server-stub directory, a package, a node: module); frames without a script count for their caller. */
  readonly byArea: readonly ProfileRow[]
  /** Self time by function, leaf frames as V8 reports them. */
  readonly bySelf: readonly ProfileRow[]
  /** Inclusive time of server-stub's own functions: the spans of a request. */
  readonly byStubInclusive: readonly ProfileRow[]
}

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)'])

// The server's own code: its sources, or their compiled copy in bench/.cache/server (build-server.ts).
const STUB_CODE = /\/server-stub\/(?:src|bench\/\.cache\/server)\/(.*)$/

/** The area a script belongs to: `src/pipeline/`, `pg`, `node:_http_server`, … */
function areaOf(url: string): string {
  const stub = STUB_CODE.exec(url)
  if (stub !== null) return stub[1]!.includes('/') ? `src/${stub[1]!.split('/')[0]}/` : `src/${stub[1]}`
  if (/\/packages\/protocol\/|@compiled-sql\/protocol/.test(url)) return '@compiled-sql/protocol'
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)
  if (pkg !== null) return pkg[1]!
  if (url.startsWith('node:')) return url
  return url === '' ? '(native)' : (url.split('/').at(-1) ?? url)
}

function fileOf(url: string): string {
  const stub = STUB_CODE.exec(url)
  if (stub !== null) return `src/${stub[1]}`
  return areaOf(url)
}

/**
 * Summarizes a V8 CPU profile of the server process: how busy it was, and
 * where the busy time went, per request.
 */
export function summarizeCpuProfile(file: string, requests: number, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const sampleMicros = (profile.endTime - profile.startTime) / Math.max(profile.samples.length, 1)
  const area = new Map<string, number>()
  const self = new Map<string, number>()
  const inclusive = new Map<string, number>()
  let idle = 0
  let busy = 0
  const add = (map: Map<string, number>, key: string): void => void map.set(key, (map.get(key) ?? 0) + 1)
  for (const id of profile.samples) {
    const leaf = byId.get(id)!
    const name = leaf.callFrame.functionName
    if (name === '(idle)') {
      idle++
      continue
    }
    busy++
    if (SPECIAL.has(name)) {
      add(area, name)
      add(self, name)
      continue
    }
    add(self, `${name || '(anonymous)'} ${fileOf(leaf.callFrame.url)}`)
    let owner: number | undefined = id
    while (owner !== undefined && byId.get(owner)!.callFrame.url === '') owner = parent.get(owner)
    add(area, owner === undefined ? '(native)' : areaOf(byId.get(owner)!.callFrame.url))
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame
      if (!STUB_CODE.test(frame.url)) continue
      const key = `${frame.functionName || '(anonymous)'} ${fileOf(frame.url)}`
      if (!seen.has(key)) {
        seen.add(key)
        add(inclusive, key)
      }
    }
  }
  const rows = (map: Map<string, number>): ProfileRow[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, count]) => ({ name, share: count / busy, microsPerRequest: (count * sampleMicros) / Math.max(requests, 1) }))
  return {
    idleShare: idle / Math.max(idle + busy, 1),
    busyMicrosPerRequest: (busy * sampleMicros) / Math.max(requests, 1),
    byArea: rows(area),
    bySelf: rows(self),
    byStubInclusive: rows(inclusive),
  }
}
