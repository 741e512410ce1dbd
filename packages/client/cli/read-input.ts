import { readFile } from 'node:fs/promises'
import { InputError } from './usage-error.js'

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer))
  return Buffer.concat(chunks).toString('utf8')
}

/** The text of `path`, or of standard input when `path` is `-`. */
export async function readInput(path: string, stdin: NodeJS.ReadableStream): Promise<string> {
  if (path === '-') return readStdin(stdin)
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
}
