import { describe, expect, it } from 'vitest'
import { runCli } from './support/cli.js'
import { smallCorpus } from './support/fixtures.js'

describe('usage errors end with exit code 64', () => {
  it.each([
    ['an unknown option', ['envelopes', '--bogus']],
    ['an unknown command', ['servers']],
    ['no command', []],
    ['a bad --format', ['envelopes', '--format', 'xml']],
    ['a bad --timeout', ['envelopes', '--timeout', '0']],
    ['a --run pattern that matches no case', ['envelopes', '--run', 'gamma']],
  ])('%s', async (_, args) => {
    const run = await runCli([...args, ...(args[0] === 'envelopes' ? ['--fixtures', smallCorpus()] : [])])
    expect(run.code).toBe(64)
    expect(run.stderr).not.toBe('')
  })

  it('prints help and the version with exit code 0', async () => {
    const help = await runCli(['envelopes', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('--known-failures')
    const version = await runCli(['--version'])
    expect(version.code).toBe(0)
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
  })
})
