import { spawn } from 'node:child_process'
import type { ServerCorpus } from './load-server-corpus.js'
import { OutputTail } from './output-tail.js'
import { expandCommand, placeholderEnv, placeholdersFor } from './placeholders.js'
import { TargetError } from './target-error.js'

/**
 * Runs `--reset-command` through `/bin/sh -c` before a `fresh` case on a
 * `--target` server, with the same placeholders as `--spawn` and
 * `COMPILED_SQL_TARGET` set to the target's URL, and waits for it to exit 0:
 * the target must then serve the world exactly as seeded.
 *
 * @throws {TargetError} when it exits otherwise or runs past `timeoutMs`.
 */
export async function resetTarget(command: string, targetUrl: string, corpus: ServerCorpus, timeoutMs: number, log?: NodeJS.WritableStream | null): Promise<void> {
  const values = await placeholdersFor(corpus)
  const child = spawn('/bin/sh', ['-c', expandCommand(command, values)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...placeholderEnv(values), COMPILED_SQL_TARGET: targetUrl },
  })
  const tail = new OutputTail()
  const keep = (chunk: Buffer) => {
    tail.push(chunk.toString('utf8'))
    log?.write(chunk)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const outcome = await new Promise<string | undefined>((resolve) => {
    const timer = setTimeout(() => (child.kill('SIGKILL'), resolve(`ran past ${timeoutMs} ms`)), timeoutMs)
    child.once('error', (error) => (clearTimeout(timer), resolve(error.message)))
    child.once('exit', (code, signal) => (clearTimeout(timer), resolve(code === 0 ? undefined : `exited with ${code ?? signal}`)))
  })
  if (outcome !== undefined) throw new TargetError(`--reset-command ${outcome} (command: ${command})`, tail.text())
}
