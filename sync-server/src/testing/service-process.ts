/**
 * What the throwaway database servers of the tests share (postgres-instance.ts, redis-instance.ts): a
 * free loopback port, the user to run as, and a last cleanup when the test process exits.
 */
import { execFileSync } from 'node:child_process'
import { createServer } from 'node:net'

export interface ProcessUser {
  uid: number
  gid: number
}

/** A port free on 127.0.0.1 right now (the caller binds it next; another process could take it first). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/**
 * Whom to run a database server as: null (ourselves) unless we are root, then `name` (Postgres refuses
 * root outright). Throws a sentence when that user does not exist.
 */
export function processUser(name: string): ProcessUser | null {
  if (process.getuid?.() !== 0) return null
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim())
    return { uid, gid }
  } catch {
    throw new Error(
      `running as root, the test database servers need the user "${name}" (Debian's package creates it)`,
    )
  }
}

const atExit = new Set<() => void>()
let hooked = false

/**
 * Runs `cleanup` (synchronous: kill the child, remove its dir) if the process exits before the returned
 * function is called to forget it.
 */
export function stopOnExit(cleanup: () => void): () => void {
  if (!hooked) {
    hooked = true
    process.once('exit', () => {
      for (const each of atExit) {
        try {
          each()
        } catch {
          // exiting anyway: the next cleanup still runs
        }
      }
    })
  }
  atExit.add(cleanup)
  return () => atExit.delete(cleanup)
}
