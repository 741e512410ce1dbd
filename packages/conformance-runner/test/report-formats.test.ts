import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ConformanceReport } from '@compiled-sql/protocol'
import { describe, expect, it } from 'vitest'
import { HELLO_AND_SHUTDOWN, nodeAdapter } from './support/adapters.js'
import { REPO, runCli } from './support/cli.js'
import { fixtureDir, invalidCase, tempDir, validCase, VALID_OPERATION } from './support/fixtures.js'

const PYTHON = join(REPO, '.venv/bin/python')

/** Passed, failed (with characters neither XML nor YAML carry), known failure, skipped, and a stale baseline entry. */
function mixedRun(): { fixtures: string; baseline: string; adapter: string } {
  const fixtures = fixtureDir([
    validCase('alpha.one'),
    validCase('alpha.declined', VALID_OPERATION, { description: 'a case | with *markup* the adapter declines' }),
    invalidCase('beta.wrong-pointer', { ...VALID_OPERATION, statement: { sql: 'SELECT \uffff \u2028 # <&> "\'' } }, [
      { code: 'invalid_format', instancePath: '/statement/sql' },
    ]),
    invalidCase('beta.known', { ...VALID_OPERATION, statement: {} }, [{ code: 'missing_field', instancePath: '/statement' }]),
  ])
  const baseline = join(tempDir(), 'baseline.json')
  writeFileSync(baseline, JSON.stringify({ known_failures: [{ id: 'beta.known', reason: 'tracked in #42' }, { id: 'gone.case', reason: 'renamed' }] }))
  // Validates nothing: accepts every document, and declines one.
  const adapter = nodeAdapter(`${HELLO_AND_SHUTDOWN}
  if (message.id === 'alpha.declined') return send({ type: 'skip', id: message.id, reason: 'no # support' })
  send({ type: 'result', id: message.id, valid: true, issues: [] })`)
  return { fixtures, baseline, adapter }
}

/** Parses each YAML diagnostic block of a TAP stream with PyYAML and returns them as JSON, by test point number. */
function yamlBlocks(tap: string): Record<string, Record<string, unknown>> {
  const script = `import json, re, sys, yaml
blocks = {}
current = None
for line in open(sys.argv[1], encoding='utf-8').read().split('\\n'):
    point = re.match(r'(?:not )?ok (\\d+)', line)
    if point: current = point.group(1)
    elif line == '  ---': lines = []
    elif line == '  ...': blocks[current] = yaml.safe_load('\\n'.join(lines))
    elif line.startswith('  '): lines.append(line[2:])
print(json.dumps(blocks))`
  const file = join(tempDir(), 'out.tap')
  writeFileSync(file, tap)
  return JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' })) as Record<string, Record<string, unknown>>
}

describe('--tap', () => {
  it('writes TAP 14 with one test point per case, TODO for known failures, SKIP for skips, and a point for the stale baseline', async () => {
    const { fixtures, baseline, adapter } = mixedRun()
    const file = join(tempDir(), 'out.tap')
    const run = await runCli(['envelopes', '--fixtures', fixtures, '--adapter', adapter, '--known-failures', baseline, '--tap', file])
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as ConformanceReport
    const tap = readFileSync(file, 'utf8')
    const lines = tap.split('\n')
    expect(lines[0]).toBe('TAP version 14')
    expect(lines).toContain(`1..${report.cases.length + 1}`)
    const points = lines.filter((line) => /^(not )?ok \d+ /.test(line))
    expect(points).toEqual([
      'ok 1 - alpha.declined # SKIP no \\# support',
      'ok 2 - alpha.one',
      'not ok 3 - beta.known # TODO known failure: tracked in \\#42',
      'not ok 4 - beta.wrong-pointer',
      'not ok 5 - stale known-failure entries',
    ])
    expect(report.cases.map((result) => result.id)).toEqual(['alpha.declined', 'alpha.one', 'beta.known', 'beta.wrong-pointer'])
  })

  it('gives each case that did not pass a YAML diagnostic that parses back to the report\'s failure, request and response included', async () => {
    const { fixtures, baseline, adapter } = mixedRun()
    const file = join(tempDir(), 'out.tap')
    const run = await runCli(['envelopes', '--fixtures', fixtures, '--adapter', adapter, '--known-failures', baseline, '--tap', file])
    const report = JSON.parse(run.stdout) as ConformanceReport
    const blocks = yamlBlocks(readFileSync(file, 'utf8'))
    expect(Object.keys(blocks).sort()).toEqual(['3', '4', '5'])
    report.cases.forEach((result, index) => {
      if (result.failure === undefined) return
      const { message, expected, actual, request, response } = result.failure
      expect(blocks[String(index + 1)]).toEqual({ message, severity: result.status === 'failed' ? 'fail' : 'todo', path: result.path, expected, actual, request, response })
    })
    expect(blocks['5']?.ids).toEqual(report.stale_known_failures)
  })
})

describe('--markdown', () => {
  it('writes a CI summary: totals, failures with description and diff, known failures apart, skips and stale entries', async () => {
    const { fixtures, baseline, adapter } = mixedRun()
    const file = join(tempDir(), 'summary.md')
    const run = await runCli(['envelopes', '--fixtures', fixtures, '--adapter', adapter, '--known-failures', baseline, '--markdown', file])
    const report = JSON.parse(run.stdout) as ConformanceReport
    const markdown = readFileSync(file, 'utf8')
    const { summary } = report
    expect(markdown).toContain(`| ${summary.total} | ${summary.passed} | ${summary.failed} | ${summary.known_failures} | ${summary.skipped} | ${report.stale_known_failures.length} |`)
    const [failures = '', rest = ''] = markdown.split('### Known failures')
    expect(failures).toContain('#### `beta.wrong-pointer`')
    expect(failures).toContain('case beta.wrong-pointer') // its description, read from the fixture
    expect(failures).not.toContain('beta.known')
    expect(failures).toMatch(/```diff\n--- expected\n\+\+\+ actual\n[\s\S]*^- {3}"valid": false,$[\s\S]*^\+ {3}"valid": true,$/m)
    expect(rest).toContain('| `beta.known` | tracked in #42 |')
    expect(rest).toContain('| `alpha.declined` | no # support |')
    expect(rest).toContain('- `gone.case`')
    // Every fence closes: an even number of fence lines.
    expect(markdown.split('\n').filter((line) => /^```/.test(line)).length % 2).toBe(0)
  })

  it('is the same for two runs with the same outcome: nothing in it depends on timing', async () => {
    const { fixtures, baseline, adapter } = mixedRun()
    const dir = tempDir()
    await runCli(['envelopes', '--fixtures', fixtures, '--adapter', adapter, '--known-failures', baseline, '--markdown', join(dir, 'a.md')])
    await runCli(['envelopes', '--fixtures', fixtures, '--adapter', adapter, '--known-failures', baseline, '--markdown', join(dir, 'b.md')])
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(readFileSync(join(dir, 'b.md'), 'utf8'))
  })

  it('works for the client suite too, reading descriptions from the installed corpus', async () => {
    const adapter = nodeAdapter(`${HELLO_AND_SHUTDOWN}
  send({ type: 'error', id: message.id, message: 'this client does nothing' })`)
    const dir = tempDir()
    const run = await runCli(['client', '--adapter', adapter, '--run', 'pagination', '--markdown', join(dir, 'client.md'), '--tap', join(dir, 'client.tap')])
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as ConformanceReport
    const failed = report.cases.filter((result) => result.status === 'failed')
    expect(failed.length).toBeGreaterThan(0)
    const markdown = readFileSync(join(dir, 'client.md'), 'utf8')
    expect(markdown).toContain(`### Failures (${failed.length})`)
    const first = failed[0]
    const fixture = JSON.parse(readFileSync(join(REPO, 'conformance-fixtures/compiled-sql.v1/client', first?.path ?? ''), 'utf8')) as { description: string }
    expect(markdown).toContain(fixture.description.slice(0, 30).replace(/[\\`*_[\]<>|]/g, (char) => `\\${char}`))
    expect(readFileSync(join(dir, 'client.tap'), 'utf8').match(/^not ok /gm)).toHaveLength(failed.length)
  })

  it('is offered by all three suite commands', async () => {
    for (const command of ['envelopes', 'server', 'client']) {
      const help = await runCli([command, '--help'])
      expect(help.stdout).toContain('--tap <file>')
      expect(help.stdout).toContain('--markdown <file>')
    }
  })
})
