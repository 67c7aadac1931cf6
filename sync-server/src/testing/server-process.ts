/**
 * `node sync-server/src/main.ts` as a child process, for what only a real process can show: the ready
 * line, signals, exit codes, and a kill -9 at the worst moment.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { collabUrlOf } from './collab-url.ts'

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url))
// The origin, then (with auth on) the path and token of the facilitator link.
const READY = /^Flowmap is running at ((http:\/\/[^/?\s]+)\S*)$/

export interface ServerProcess {
  /** The origin, e.g. http://127.0.0.1:4567 */
  url: string
  /** The whole URL of the ready line: with auth on, the facilitator link `/?token=…`. */
  readyUrl: string
  collabUrl: string
  child: ChildProcess
  /** every stdout line so far */
  stdout: string[]
  /** every stderr line so far (the pino log) */
  stderr: string[]
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

export interface ExitedProcess {
  code: number | null
  stdout: string
  stderr: string
}

function spawnMain(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      LOG_LEVEL: 'warn',
      FLOWMAP_CLIENT_DIR: '/nonexistent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

export function spawnServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawnMain(env)
  const stdout: string[] = []
  const stderrLines: string[] = []
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
    const lines = stderr.split('\n')
    stderrLines.length = 0
    stderrLines.push(...lines.filter((line) => line !== ''))
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  return new Promise((resolve, reject) => {
    let buffered = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        stdout.push(line)
        const ready = READY.exec(line)
        if (ready !== null)
          resolve({
            url: ready[2]!,
            readyUrl: ready[1]!,
            collabUrl: collabUrlOf(ready[2]!),
            child,
            stdout,
            stderr: stderrLines,
            exited,
          })
      }
    })
    void exited.then(({ code }) =>
      reject(new Error(`server exited (${code}) before it was ready:\n${stderr}`)),
    )
  })
}

/** Runs main.ts to completion (for configurations it must refuse). */
export function runMainToExit(env: Record<string, string>): Promise<ExitedProcess> {
  const child = spawnMain(env)
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })))
}
