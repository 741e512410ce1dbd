import { existsSync } from 'node:fs'
import { validateServerCase } from '@compiled-sql/protocol'
import { describe, expect, it } from 'vitest'
import { exchangesOf, loadServerCases, loadServerFiles, loadWorld, SERVER_DIR } from './support/server-cases.js'

const files = loadServerFiles()
const cases = loadServerCases()
const world = loadWorld()

describe('server corpus files', () => {
  it('holds the world at the top and only JSON cases one folder down', () => {
    const top = files.filter((file) => !file.path.includes('/')).map((file) => file.path)
    expect(top.sort()).toEqual(['seed-archive.sql', 'seed.sql', 'world.json'])
    const strays = files.filter((file) => file.path.includes('/') && !/^[a-z0-9-]+\/[a-z0-9-]+\.json$/.test(file.path))
    expect(strays.map((file) => file.path)).toEqual([])
  })

  it('names seed files that exist, for every data source of the world', () => {
    for (const source of world.data_sources) for (const seed of source.seed ?? []) expect(existsSync(`${SERVER_DIR}/${seed}`), seed).toBe(true)
  })

  it.each(files.filter((file) => file.path.includes('/')).map((file) => [file.path, file] as const))('%s is a well-formed server case', (_, file) => {
    const result = validateServerCase(JSON.parse(file.text))
    expect(result.ok ? [] : result.errors).toEqual([])
  })
})

describe('server case ids, wording and references', () => {
  it('ids are unique', () => {
    const ids = cases.map(({ serverCase }) => serverCase.id)
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([])
  })

  it.each(cases.map((c) => [c.serverCase.id, c] as const))('%s is stored at <group>/<name>.json, states a fact and has tags', (id, { path, serverCase }) => {
    const [group, name, ...rest] = id.split('.')
    expect(rest).toEqual([])
    expect(path).toBe(`${group}/${name}.json`)
    expect(serverCase.description).not.toMatch(/\bshould\b/i)
    for (const step of [...(serverCase.setup ?? []), ...(serverCase.then ?? [])]) expect(step.description ?? '').not.toMatch(/\bshould\b/i)
    expect(serverCase.tags).toContain(group)
  })

  it('names only callers the world has', () => {
    const principals = new Set(world.principals.map((p) => p.id))
    const unknown = cases.flatMap(({ serverCase }) =>
      exchangesOf(serverCase)
        .map((step) => step.caller)
        .filter((caller): caller is string => typeof caller === 'string' && !principals.has(caller))
        .map((caller) => `${serverCase.id}: ${caller}`),
    )
    expect(unknown).toEqual([])
  })

  it('gives every write of its own a cleanup or an Idempotency-Key scoped to the run, so that it can run again on a long-lived server', () => {
    const unsafe = cases
      .filter(({ serverCase }) => serverCase.isolation !== 'fresh')
      .flatMap(({ serverCase }) =>
        exchangesOf(serverCase)
          .map((step) => step.request.headers?.['idempotency-key'])
          .filter((key): key is string => typeof key === 'string' && !key.includes('{run_id}'))
          .map(() => serverCase.id),
      )
    expect(unsafe).toEqual([])
  })
})
