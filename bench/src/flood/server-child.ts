import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const entry = fileURLToPath(new URL('./server-process.ts', import.meta.url))

/** The server process's memory at one moment. */
export interface MemoryReading {
  /** VmRSS from /proc/<pid>/status */
  rssBytes: number
  heapUsedBytes: number
  heapTotalBytes: number
  /** memory held by Buffers and ArrayBuffers (outside the JS heap, inside RSS) */
  arrayBuffersBytes: number
  /** boards Hocuspocus holds in memory */
  boards: number
}

export interface FloodServer {
  socketUrl: string
  pid: number
  memory(): Promise<MemoryReading>
  /** The same after a full GC in the server (a no-op unless it runs with --expose-gc). */
  memoryAfterGc(): Promise<MemoryReading>
  /** Writes a V8 heap snapshot of the server to `path` (for investigating what holds memory). */
  heapSnapshot(path: string): Promise<void>
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>
}

/** Starts `server-process.ts` with `execArgv` (e.g. V8 flags) and `env`, once it prints `ready <url>`. */
export function startFloodServer(
  options: { execArgv?: string[]; env?: Record<string, string> } = {},
): Promise<FloodServer> {
  const child = spawn(process.execPath, [...(options.execArgv ?? []), entry], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  })
  const waiting: { prefix: string; resolve: (rest: string) => void }[] = []
  const ask = (line: string, prefix: string) =>
    new Promise<string>((resolve, reject) => {
      if (child.exitCode !== null) return reject(new Error('the server has exited'))
      waiting.push({ prefix, resolve })
      child.stdin?.write(`${line}\n`)
    })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000)
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error('the server did not print "ready" within 30 s'))
    }, 30_000)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`the server exited before it was ready (code ${code}, signal ${signal}): ${stderr}`))
    })
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const index = waiting.findIndex((w) => line.startsWith(`${w.prefix} `))
      if (index >= 0) {
        const { prefix, resolve: answer } = waiting.splice(index, 1)[0]!
        answer(line.slice(prefix.length + 1))
      }
      const ready = /^ready (\S+)$/.exec(line)
      if (ready === null) return
      clearTimeout(timer)
      child.removeAllListeners('exit')
      const pid = child.pid!
      resolve({
        socketUrl: ready[1]!,
        pid,
        memory: () => readMemory('memory'),
        memoryAfterGc: () => readMemory('memory-after-gc'),
        heapSnapshot: async (path) => void (await ask(`snapshot ${path}`, 'snapshot')),
        stop: () => stopChild(child, () => stderr),
      })
      async function readMemory(command: string): Promise<MemoryReading> {
        const reported = JSON.parse(await ask(command, 'memory'))
        return {
          rssBytes: rssOf(pid),
          heapUsedBytes: reported.heapUsed,
          heapTotalBytes: reported.heapTotal,
          arrayBuffersBytes: reported.arrayBuffers,
          boards: reported.boards,
        }
      }
    })
  })
}

/** VmRSS of a process, read from outside it. */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status)
  if (match === null) throw new Error(`no VmRSS in /proc/${pid}/status`)
  return Number(match[1]) * 1024
}

function stopChild(child: ChildProcess, stderr: () => string): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) resolve()
      else reject(new Error(`the server exited with code ${code}, signal ${signal}: ${stderr()}`))
    })
    child.kill('SIGTERM')
  })
}
