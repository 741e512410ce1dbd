import { describe, expect, it } from 'vitest'
import { formatTableName, MetaTableRegistry, parseTableName } from '../../src/index.js'

const ASSET = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'
const VENUE = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee'

describe('parseTableName', () => {
  it('reads table and schema.table, with quoted parts', () => {
    expect(parseTableName('asset')).toEqual({ name: 'asset' })
    expect(parseTableName(' market.venue ')).toEqual({ schema: 'market', name: 'venue' })
    expect(parseTableName('"my.schema"."we""ird"')).toEqual({ schema: 'my.schema', name: 'we"ird' })
    expect(formatTableName({ schema: 'market', name: 'venue' })).toBe('market.venue')
  })

  it('refuses empty names and three parts', () => {
    for (const text of ['', 'a.', '.a', 'db.market.venue']) expect(() => parseTableName(text)).toThrow(TypeError)
  })
})

describe('MetaTableRegistry', () => {
  it('resolves unqualified names in the default schema, on both sides', () => {
    const registry = new MetaTableRegistry({ asset: ASSET }).bind({ schema: 'market', name: 'venue' }, VENUE)
    expect([registry.uidOf('public.asset'), registry.uidOf({ name: 'asset' }), registry.uidOf('market.venue'), registry.uidOf('venue')]).toEqual([
      ASSET,
      ASSET,
      VENUE,
      undefined,
    ])
    expect(registry.size).toBe(2)
    expect(registry.describe('asset')).toBe('public.asset')
  })

  it('takes another default schema', () => {
    const registry = new MetaTableRegistry([['venue', VENUE]], { defaultSchema: 'market' })
    expect([registry.uidOf('market.venue'), registry.uidOf('public.venue')]).toEqual([VENUE, undefined])
  })

  it('refuses to bind one table to two MetaTables, and empty uids', () => {
    const registry = new MetaTableRegistry({ 'public.asset': ASSET })
    expect(() => registry.bind('asset', VENUE)).toThrow(/already bound/)
    expect(registry.bind('asset', ASSET).uidOf('asset')).toBe(ASSET)
    expect(() => registry.bind('trade', '')).toThrow(TypeError)
  })
})
