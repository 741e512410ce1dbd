/**
 * Writes `manifest.json` (the corpus release manifest) from the files under
 * `compiled-sql.v1/`, or with `--check` fails when the committed one is stale.
 *
 *   npm run manifest -w @compiled-sql/conformance-fixtures
 *   npm run manifest -w @compiled-sql/conformance-fixtures -- --check
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PACKAGE_DIR, buildManifest, formatManifest } from './manifest.js'

const target = join(PACKAGE_DIR, 'manifest.json')
const manifest = buildManifest()
const text = formatManifest(manifest)
const cases = manifest.files.filter((file) => file.kind === 'case').length
const summary = `${manifest.files.length} files, ${cases} cases, corpus_sha256 ${manifest.corpus_sha256}`

if (process.argv.includes('--check')) {
  let committed = ''
  try {
    committed = readFileSync(target, 'utf8')
  } catch {
    // A missing manifest is as stale as a wrong one.
  }
  if (committed !== text) {
    console.error(`${target} is stale: run \`npm run manifest -w @compiled-sql/conformance-fixtures\` (now: ${summary})`)
    process.exit(1)
  }
  console.log(`manifest.json is up to date: ${summary}`)
} else {
  writeFileSync(target, text)
  console.log(`wrote manifest.json: ${summary}`)
}
