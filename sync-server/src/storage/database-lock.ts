/**
 * One server per database file. Two servers on one DATA_DIR would each keep their own live copy of a
 * board, and each writes snapshots that claim to hold every history entry up to their seq, the other
 * server's entries included, which its copy lacks; a later load starts from such a snapshot and skips
 * those entries: edits the other server acknowledged would be lost. So a server takes
 * `flowmap.db.lock` (created exclusively, holding its pid) before it opens the database, and a second
 * start refuses, naming the holder. A lock left behind by a process that no longer runs (kill -9, a
 * crash, a power cut) is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'

/** Why the server will not open the database: another server has it. The message says what to do. */
export class DatabaseLockedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DatabaseLockedError'
  }
}

export function lockPathOf(databasePath: string): string {
  return `${databasePath}.lock`
}

/** Takes the database's lock; returns the function that gives it back (idempotent). */
export function acquireDatabaseLock(databasePath: string): () => void {
  const lockPath = lockPathOf(databasePath)
  // Two rounds: the second runs only after a stale lock was removed.
  for (let round = 0; round < 2; round++) {
    try {
      writeFileSync(lockPath, `${process.pid}\n`, { flag: 'wx' })
      let released = false
      return () => {
        if (released) return
        released = true
        if (lockHolder(lockPath) === process.pid) rmSync(lockPath, { force: true })
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = lockHolder(lockPath)
    if (holder !== null && isRunning(holder)) {
      throw new DatabaseLockedError(
        `${databasePath} is in use by another Flowmap server (process ${holder}${holder === process.pid ? ', this one' : ''}): ` +
          'two servers on one database would each lose edits the other acknowledged. Stop that server, ' +
          `give this one its own DATA_DIR, or, if process ${holder} is not a Flowmap server, delete ${lockPath}.`,
      )
    }
    rmSync(lockPath, { force: true })
  }
  throw new DatabaseLockedError(`another server took ${lockPathOf(databasePath)} while this one started`)
}

function lockHolder(lockPath: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10)
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
