import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromPyformat, scanSql, toPyformat } from '../src/index.js'

/** One generated region of SQL and, for a placeholder, its number. */
interface Fragment {
  readonly text: string
  readonly placeholder?: number
}

// Characters that are dangerous for a naive rewrite: quotes, $, digits, %, comment starters.
const content = (exclude: string): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...["a", '$', '1', '2', '%', ' ', "'", '"', '\\', '-', '/', '*', '\n', 'é'].filter((c) => !exclude.includes(c))), maxLength: 12 })

const code: fc.Arbitrary<Fragment> = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9$]{0,4}$/).map((text) => ({ text })),
  fc.constantFrom('+', '%', '-', '(', ')', ',', '=', '12').map((text) => ({ text })),
)
const placeholder: fc.Arbitrary<Fragment> = fc.integer({ min: 1, max: 12 }).map((n) => ({ text: `$${n}`, placeholder: n }))
const literal: fc.Arbitrary<Fragment> = fc.oneof(
  content('').map((s) => ({ text: `'${s.replaceAll("'", "''")}'` })),
  content('').map((s) => ({ text: `E'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'` })),
  content('').map((s) => ({ text: `"${s.replaceAll('"', '""')}"` })),
  fc
    .tuple(fc.stringMatching(/^[a-z]{0,3}$/), content(''))
    .filter(([tag, s]) => !`${s}$`.includes(`$${tag}$`))
    .map(([tag, s]) => ({ text: `$${tag}$${s}$${tag}$` })),
  content('\n').map((s) => ({ text: `--${s}\n` })),
  fc.tuple(content('/*'), content('/*')).map(([a, b]) => ({ text: `/*${a}/*${b}*/${a}*/` })),
)
const statement = fc.array(fc.oneof(code, placeholder, literal), { maxLength: 20 })

const render = (fragments: readonly Fragment[]): string => fragments.map((f) => f.text).join(' ')

describe('placeholder rewriting properties', () => {
  it('finds exactly the placeholders outside strings, quoted identifiers, dollar quotes and comments', () => {
    fc.assert(
      fc.property(statement, (fragments) => {
        const found = scanSql(render(fragments)).flatMap((t) => (t.kind === 'placeholder' ? [t.index] : []))
        expect(found).toEqual(fragments.flatMap((f) => (f.placeholder === undefined ? [] : [f.placeholder])))
      }),
    )
  })

  it('tokens cover the text exactly', () => {
    fc.assert(
      fc.property(statement, (fragments) => {
        const sql = render(fragments)
        expect(scanSql(sql).map((t) => sql.slice(t.start, t.end)).join('')).toBe(sql)
      }),
    )
  })

  it('converting to pyformat and back is the identity', () => {
    fc.assert(
      fc.property(statement, (fragments) => {
        const sql = render(fragments)
        const rewritten = toPyformat(sql)
        const indexOf = new Map(rewritten.placeholders.map(({ index, name }) => [name, index]))
        expect(fromPyformat(rewritten.sql, indexOf)).toBe(sql)
      }),
    )
  })

  it('leaves every literal and comment intact except for doubling %', () => {
    fc.assert(
      fc.property(statement, literal, statement, (before, middle, after) => {
        const out = toPyformat(render([...before, middle, ...after])).sql
        expect(out).toContain(middle.text.replaceAll('%', '%%'))
      }),
    )
  })

  it('names $n p{n}, so the same SQL always gets the same names', () => {
    fc.assert(
      fc.property(statement, (fragments) => {
        const { placeholders } = toPyformat(render(fragments))
        for (const { index, name } of placeholders) expect(name).toBe(`p${index}`)
        expect(new Set(placeholders.map((p) => p.index)).size).toBe(placeholders.length)
      }),
    )
  })
})
