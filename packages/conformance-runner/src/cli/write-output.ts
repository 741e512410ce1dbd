import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { UsageError } from '../errors.js'

/**
 * Writes `text` to `file`, creating its directory, or to `stdout` when the
 * file is `-`. @throws {UsageError} when the file cannot be written.
 */
export async function writeOutput(file: string, text: string, stdout: NodeJS.WritableStream): Promise<void> {
  if (file === '-') {
    stdout.write(text)
    return
  }
  const path = resolve(file)
  try {
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, text)
  } catch (error) {
    throw new UsageError(`cannot write ${file}: ${(error as Error).message}`)
  }
}
