import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { startCommandChild } from '../process/command-child.ts'

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
export async function startFloodServer(
  options: { execArgv?: string[]; env?: Record<string, string> } = {},
): Promise<FloodServer> {
  const server = await startCommandChild({
    entry,
    ...options,
    name: 'the server',
    startTimeoutMs: 30_000,
  })
  const pid = server.child.pid!
  async function readMemory(command: string): Promise<MemoryReading> {
    const reported = JSON.parse(await server.ask(command, 'memory'))
    return {
      rssBytes: rssOf(pid),
      heapUsedBytes: reported.heapUsed,
      heapTotalBytes: reported.heapTotal,
      arrayBuffersBytes: reported.arrayBuffers,
      boards: reported.boards,
    }
  }
  return {
    socketUrl: server.readyUrl,
    pid,
    memory: () => readMemory('memory'),
    memoryAfterGc: () => readMemory('memory-after-gc'),
    heapSnapshot: async (path) => void (await server.ask(`snapshot ${path}`, 'snapshot')),
    stop: server.stop,
  }
}

/** VmRSS of a process, read from outside it. */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status)
  if (match === null) throw new Error(`no VmRSS in /proc/${pid}/status`)
  return Number(match[1]) * 1024
}
