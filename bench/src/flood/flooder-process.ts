/** Starts the flooder in its own process (flooder-child.ts) and collects its counts when stopped. */
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { FloodCounts } from './flooder.ts'

const CHILD = fileURLToPath(new URL('./flooder-child.ts', import.meta.url))

export interface FlooderProcess {
  /** Stops sending, closes its socket and answers what it sent and what came back. */
  stop(): Promise<FloodCounts>
}

export function startFlooderProcess(
  socketUrl: string,
  board: string,
  messagesPerSecond: number,
): FlooderProcess {
  const child = spawn(process.execPath, [CHILD, socketUrl, board, String(messagesPerSecond)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const counts = new Promise<FloodCounts>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('counts ')) return
      const parsed = JSON.parse(line.slice('counts '.length)) as Omit<FloodCounts, 'closedByCode'> & {
        closedByCode: [number, number][]
      }
      resolve({ ...parsed, closedByCode: new Map(parsed.closedByCode) })
    })
    child.once('exit', (code) =>
      reject(new Error(`the flooder exited (${code}) before reporting its counts`)),
    )
  })
  return {
    stop: () => {
      child.stdin.write('stop\n')
      return counts
    },
  }
}
