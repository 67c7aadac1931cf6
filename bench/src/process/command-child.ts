/**
 * A benchmark's server in a child process of its own, so its CPU and memory are measured apart from the
 * load generator's. The child prints `ready <url>` once it listens, then answers each command it reads on
 * stdin with one line on stdout that starts with the answer's name (`memory {…}`, `profiled`).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'

export interface CommandChildOptions {
  /** The child's script */
  entry: string
  args?: string[]
  execArgv?: string[]
  env?: Record<string, string>
  /** How the errors name the child: "fanout-hocuspocus server", "the server" */
  name: string
  startTimeoutMs: number
}

export interface CommandChild {
  child: ChildProcess
  /** The URL of its `ready <url>` line */
  readyUrl: string
  /** Sends `command`; resolves with the rest of the first line named `answer` ('' when it is the whole line). */
  ask(command: string, answer: string): Promise<string>
  /** SIGTERM and wait for a clean exit (SIGKILL after 10 s). */
  stop(): Promise<void>
}

/** Starts the child and resolves once it prints `ready <url>`. */
export function startCommandChild(options: CommandChildOptions): Promise<CommandChild> {
  const { name } = options
  const child = spawn(
    process.execPath,
    [...(options.execArgv ?? []), options.entry, ...(options.args ?? [])],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    },
  )
  const waiting: { answer: string; resolve: (rest: string) => void }[] = []
  const ask = (command: string, answer: string) =>
    new Promise<string>((resolve, reject) => {
      if (child.exitCode !== null) return reject(new Error(`${name} has exited`))
      waiting.push({ answer, resolve })
      child.stdin?.write(`${command}\n`)
    })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000)
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${name} did not print "ready" within ${options.startTimeoutMs} ms`))
    }, options.startTimeoutMs)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(
        new Error(
          `${name} exited before it was ready (code ${code}, signal ${signal}): ${errorSummary(stderr)}`,
        ),
      )
    })
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const index = waiting.findIndex((w) => line === w.answer || line.startsWith(`${w.answer} `))
      if (index >= 0) {
        const { answer, resolve: answered } = waiting.splice(index, 1)[0]!
        answered(line.slice(answer.length + 1))
      }
      const ready = /^ready (\S+)$/.exec(line)
      if (ready === null) return
      clearTimeout(timer)
      child.removeAllListeners('exit')
      resolve({ child, readyUrl: ready[1]!, ask, stop: () => stopChild(child, name, () => stderr) })
    })
  })
}

/** The error lines of a crashed child's stderr, not its stack: enough to act on, short enough for a table run. */
function errorSummary(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim())
  const errors = lines.filter((line) => /\b\w*Error\b|error:/i.test(line) && !line.startsWith('at '))
  return (errors.length > 0 ? errors.slice(0, 3) : lines.filter(Boolean).slice(-3)).join(' | ')
}

function stopChild(child: ChildProcess, name: string, stderr: () => string): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) resolve()
      else reject(new Error(`${name} exited with code ${code}, signal ${signal}: ${errorSummary(stderr())}`))
    })
    child.kill('SIGTERM')
  })
}
