/**
 * Regenerates everything `packages/protocol` derives from the canonical schemas:
 * TypeScript types, ahead-of-time Ajv validators, the error-code table, the
 * embedded schemas, and the reference section of `docs/protocol/compiled-sql.v1.md`.
 *
 * `tsx scripts/generate.ts --check` writes nothing and fails when any output
 * differs from what is on disk, naming the command that fixes it.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readSchemaFiles } from './schema-files.js'
import { generateValidators } from './generate-validators.js'
import { generateTypes } from './generate-types.js'
import { generateTables } from './generate-tables.js'
import { generateReferenceDocs } from './generate-reference-docs.js'

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..')
const REPO_DIR = join(PACKAGE_DIR, '../..')

async function main(): Promise<void> {
  const check = process.argv.includes('--check')
  const files = readSchemaFiles()
  const outputs = new Map<string, string>()
  for (const [path, text] of Object.entries(generateValidators(files))) outputs.set(join(PACKAGE_DIR, path), text)
  outputs.set(join(PACKAGE_DIR, 'src/generated/types.ts'), await generateTypes(files))
  for (const [path, text] of Object.entries(generateTables(files))) outputs.set(join(PACKAGE_DIR, path), text)
  const docsPath = join(REPO_DIR, 'docs/protocol/compiled-sql.v1.md')
  outputs.set(docsPath, generateReferenceDocs(files, readFileSync(docsPath, 'utf8')))

  const stale: string[] = []
  for (const [path, text] of outputs) {
    let current: string | undefined
    try {
      current = readFileSync(path, 'utf8')
    } catch {
      current = undefined
    }
    if (current === text) continue
    stale.push(relative(REPO_DIR, path))
    if (!check) {
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, text)
    }
  }
  if (check && stale.length > 0) {
    console.error(
      `Generated files are out of date with schemas/compiled-sql.v1:\n${stale.map((p) => `  ${p}`).join('\n')}\n` +
        'Run `npm run generate` and commit the result.',
    )
    process.exitCode = 1
    return
  }
  console.log(check ? 'Generated files are up to date.' : `Generated ${outputs.size} files (${stale.length} changed).`)
}

await main()
