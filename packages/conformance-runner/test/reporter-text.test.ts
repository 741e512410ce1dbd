import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { shortDiff } from '../src/reporters/line-diff.js'
import { codeBlock, inlineCode } from '../src/reporters/markdown-text.js'
import { toYamlLines } from '../src/reporters/yaml.js'
import { formatPassRate } from '../src/report/pass-rate.js'
import { REPO } from './support/cli.js'

const PYTHON = join(REPO, '.venv/bin/python')

describe('YAML for TAP diagnostics', () => {
  it('reads back as the same JSON with PyYAML, whatever the strings and nesting', () => {
    const value = {
      text: 'line\nbreak \u2028 \u0085 \uffff \u0000 "quoted" #hash: colon',
      number: 12.5,
      flags: [true, false, null],
      'key with spaces': { empty: {}, none: [] },
      nested: [[1, [2]], { a: [{ b: 'c' }] }],
      yes: 'no',
      Off: 1,
    }
    const yaml = toYamlLines(value).join('\n')
    const parsed = execFileSync(PYTHON, ['-c', 'import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin.read())))'], { input: yaml, encoding: 'utf8' })
    expect(JSON.parse(parsed)).toEqual(value)
  })
})

describe('short diff', () => {
  it('marks removed and added lines and folds unchanged stretches', () => {
    const expected = { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8 }
    const lines = shortDiff(expected, { ...expected, h: 9 }, { context: 1 })
    expect(lines).toEqual(['  …', '    "g": 7,', '-   "h": 8', '+   "h": 9', '  }'])
  })

  it('caps its length', () => {
    const lines = shortDiff(Array.from({ length: 100 }, (_, index) => index), [], { maxLines: 10 })
    expect(lines).toHaveLength(11)
    expect(lines.at(-1)).toMatch(/^ {2}… \d+ more lines$/)
  })
})

describe('Markdown text', () => {
  it('fences code so that its own backticks cannot close it', () => {
    expect(inlineCode('a ``b`` c')).toBe('```a ``b`` c```')
    expect(codeBlock('json', ['````'])).toEqual(['`````json', '````', '`````'])
  })
})

describe('pass rate', () => {
  it('floors to one decimal, so that an almost-full run never shows 100%', () => {
    expect(formatPassRate({ total: 503, passed: 502 })).toBe('99.8%')
    expect(formatPassRate({ total: 2000, passed: 1999 })).toBe('99.9%')
    expect(formatPassRate({ total: 100, passed: 29 })).toBe('29.0%')
    expect(formatPassRate({ total: 0, passed: 0 })).toBe('n/a')
  })
})
