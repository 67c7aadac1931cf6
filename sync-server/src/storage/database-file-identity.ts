/**
 * Notices the database file being deleted or replaced while the server has it open. SQLite keeps
 * writing into the inode it opened: after an `rm` every later commit lands in a file nobody can reach
 * again, and after a restore-over-the-top the server writes into the old one. Either way an
 * acknowledgement would promise something a restart cannot give back, so writes must stop.
 *
 * The check is one stat() of the path, compared (device + inode) with what the path named when the
 * database was opened: a few microseconds, cheap enough to run before every write.
 */
import { statSync } from 'node:fs'
import { StorageWriteError } from './storage-error.ts'

export class DatabaseFileIdentity {
  readonly #path: string
  readonly #dev: number
  readonly #ino: number

  /** Call right after opening `path`, so the identity is that of the file SQLite holds. */
  constructor(path: string) {
    const stats = statSync(path)
    this.#path = path
    this.#dev = stats.dev
    this.#ino = stats.ino
  }

  /** The error a write must fail with, or null while the path still names the opened file. */
  problem(operation: string): StorageWriteError | null {
    const stats = statSync(this.#path, { throwIfNoEntry: false })
    if (stats === undefined) {
      return new StorageWriteError(
        operation,
        'database-file-gone',
        `the database file ${this.#path} was deleted while the server was running; restore it and restart the server`,
      )
    }
    if (stats.dev !== this.#dev || stats.ino !== this.#ino) {
      return new StorageWriteError(
        operation,
        'database-file-replaced',
        `another file replaced the database ${this.#path} while the server was running; restart the server to open it`,
      )
    }
    return null
  }
}
