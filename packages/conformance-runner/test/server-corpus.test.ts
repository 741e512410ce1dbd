import { describe, expect, it } from 'vitest'
import { FixtureError, loadServerCorpus, UsageError } from '../src/index.js'
import { tempDir } from './support/fixtures.js'
import { SERVER_CORPUS, serverCase, serverCorpus } from './support/server-corpus.js'

async function problemsOf(dir: string): Promise<readonly string[]> {
  const error = await loadServerCorpus(dir).then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(FixtureError)
  return (error as FixtureError).problems
}

describe('loading the server corpus', () => {
  it('loads the repository corpus: its world, at least 80 cases of its own and every legit case', async () => {
    const corpus = await loadServerCorpus(SERVER_CORPUS)
    const ids = corpus.cases.map((loaded) => loaded.serverCase.id)
    expect(corpus.world.tokens.get('analyst')).toBe('conformance-analyst-token-0001')
    expect(corpus.world.seedFile).toMatch(/server\/seed\.sql$/)
    expect(ids.filter((id) => !id.startsWith('legit.')).length).toBeGreaterThanOrEqual(80)
    expect(ids.filter((id) => id.startsWith('legit.'))).toHaveLength(76)
    expect([...ids].sort()).toEqual(corpus.cases.map((loaded) => loaded.path.replace('/', '.').replace(/\.json$/, '')).sort())
  })

  it('keeps integers beyond 2^53 of a case exact', async () => {
    const dir = serverCorpus([], { raw: { 'exact/big.json': JSON.stringify(serverCase('exact.big')).replace('"BTC"', '9007199254740993') } })
    const [loaded] = (await loadServerCorpus(dir)).cases
    const json = (loaded?.serverCase.request.json ?? {}) as { statement: { parameters: { symbol: { value: string } } } }
    expect(json.statement.parameters.symbol.value).toBe('9007199254740993')
  })

  it('lists every problem of a broken corpus at once', async () => {
    const dir = serverCorpus(
      [
        serverCase('alpha.no-status', { expect: { rows: [] } }),
        serverCase('alpha.unknown-caller', { caller: 'nobody' }),
        serverCase('alpha.two-bodies', { request: { path: '/x', json: 1, body_text: '1' } }),
        serverCase('alpha.both-codes', { expect: { status: 400, code: 'invalid_json', codes: ['invalid_json', 'invalid_type'] } }),
        serverCase('alpha.pages-without-walk', { expect: { status: 200, pages: [[0, 10]] } }),
        serverCase('alpha.same-as-later', { expect: { status: 200, same_body_as: 'later' }, then: [{ name: 'later', request: { path: '/x' }, expect: { status: 200 } }] }),
        serverCase('alpha.main-named-step', { setup: [{ name: 'main', request: { path: '/x' }, expect: { status: 200 } }] }),
        serverCase('alpha.bad-pattern', { expect: { status: 200, headers: { 'retry-after': '(' } } }),
        serverCase('alpha.bad-bytes', { request: { path: '/a b', headers: { 'x-name': 'Ærø' } } }),
      ],
      { raw: { 'beta/wrong-place.json': JSON.stringify(serverCase('beta.right-place')), 'beta/not-json.json': '{' } },
    )
    const problems = await problemsOf(dir)
    const expected = [
      'alpha/no-status.json: missing_field at /expect/status',
      'alpha/unknown-caller.json: step main names caller nobody, which the world does not have',
      'alpha/two-bodies.json: step main has more than one body (json, body_text)',
      'alpha/both-codes.json: step main has both code and codes',
      'alpha/pages-without-walk.json: step main expects pages without follow_pages',
      'alpha/same-as-later.json: step main is compared with later, which is no earlier step',
      'alpha/main-named-step.json: a step is named main, which names the main exchange',
      'alpha/bad-pattern.json: step main expects header retry-after to match (, which is not a regular expression',
      'alpha/bad-bytes.json: step main has a path that is not visible ASCII (percent-encode it)',
      'alpha/bad-bytes.json: step main sends header x-name with characters HTTP does not carry',
      'beta/wrong-place.json: id beta.right-place belongs at beta/right-place.json',
    ]
    for (const problem of expected) expect(problems.some((p) => p.startsWith(problem)), `${problem}\nin\n${problems.join('\n')}`).toBe(true)
    expect(problems.some((p) => p.startsWith('beta/not-json.json: not JSON'))).toBe(true)
  })

  it('refuses a duplicate id, a corpus without cases, and a missing world', async () => {
    const twice = serverCorpus([serverCase('alpha.one')], { raw: { 'alpha.one.json': JSON.stringify(serverCase('alpha.one')) } })
    // A file at the top is part of the world, not a case: only one alpha.one is loaded.
    expect((await loadServerCorpus(twice)).cases).toHaveLength(1)
    // Two folder splits of one dotted id spell the same id.
    const nested = serverCorpus([], { raw: { 'alpha/one.two.json': JSON.stringify(serverCase('alpha.one.two')), 'alpha.one/two.json': JSON.stringify(serverCase('alpha.one.two')) } })
    expect(await problemsOf(nested)).toEqual(['alpha/one.two.json: duplicate id alpha.one.two (also in alpha.one/two.json)'])
    expect(await problemsOf(serverCorpus([]))).toEqual([expect.stringMatching(/no case files/)])
    expect(await problemsOf(tempDir())).toEqual([expect.stringMatching(/^world\.json: cannot read the world/)])
    await expect(loadServerCorpus('/nonexistent/corpus')).rejects.toBeInstanceOf(UsageError)
  })
})
