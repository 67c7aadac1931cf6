import { type ChildProcess, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { ServerKind } from './servers/server-kind.ts'

const entry = fileURLToPath(new URL('./server-process.ts', import.meta.url))

export interface ServerChild {
  kind: ServerKind
  socketUrl: string
  /** Starts V8's CPU profiler inside the server process (start-up stays out of the profile). */
  startProfile(): Promise<void>
  /** Stops it and has the server write the .cpuprofile to `path`. */
  stopProfile(path: string): Promise<void>
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>
}

export interface ServerChildOptions {
  startTimeoutMs?: number
}

/** Starts `server-process.ts <kind>` and resolves once it prints its `ready <url>` line. */
export function startServerChild(kind: ServerKind, options: ServerChildOptions = {}): Promise<ServerChild> {
  const child = spawn(process.execPath, [entry, kind], { stdio: ['pipe', 'pipe', 'pipe'] })
  // Commands go down stdin one per line; each is acknowledged by one line on stdout.
  const waitingForLine: { prefix: string; resolve: () => void }[] = []
  const command = (line: string, acknowledgement: string) =>
    new Promise<void>((resolve, reject) => {
      if (child.exitCode !== null) return reject(new Error(`${kind} server has exited`))
      waitingForLine.push({ prefix: acknowledgement, resolve })
      child.stdin?.write(`${line}\n`)
    })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000)
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${kind} server did not print "ready" within ${options.startTimeoutMs ?? 20_000} ms`))
    }, options.startTimeoutMs ?? 20_000)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(
        new Error(
          `${kind} server exited before it was ready (code ${code}, signal ${signal}): ${errorSummary(stderr)}`,
        ),
      )
    })
    const lines = createInterface({ input: child.stdout! })
    lines.on('line', (line) => {
      const waiting = waitingForLine.findIndex((w) => line.startsWith(w.prefix))
      if (waiting >= 0) waitingForLine.splice(waiting, 1)[0]!.resolve()
      const match = /^ready (\S+)$/.exec(line)
      if (!match) return
      clearTimeout(timer)
      child.removeAllListeners('exit')
      resolve({
        kind,
        socketUrl: match[1]!,
        startProfile: () => command('profile-start', 'profiling'),
        stopProfile: (path) => command(`profile-stop ${path}`, 'profiled'),
        stop: () => stopChild(child, kind, () => stderr),
      })
    })
  })
}

/** The error lines of a crashed child's stderr, not its stack: enough to act on, short enough for a table run. */
function errorSummary(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim())
  const errors = lines.filter((line) => /\b\w*Error\b|error:/i.test(line) && !line.startsWith('at '))
  return (errors.length > 0 ? errors.slice(0, 3) : lines.filter(Boolean).slice(-3)).join(' | ')
}

function stopChild(child: ChildProcess, kind: ServerKind, stderr: () => string): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) resolve()
      else
        reject(
          new Error(`${kind} server exited with code ${code}, signal ${signal}: ${errorSummary(stderr())}`),
        )
    })
    child.kill('SIGTERM')
  })
}
