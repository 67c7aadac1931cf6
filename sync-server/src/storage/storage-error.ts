/**
 * Why a storage write failed, as a value a person can act on. SQLite reports a full disk, a read-only
 * file or an I/O error as result codes; the database file being deleted or swapped underneath the
 * server is found by file identity (database-file-identity.ts), which SQLite itself never notices.
 */

export const STORAGE_FAILURE_CAUSES = {
  /** SQLITE_FULL: the filesystem (or the database's page limit) has no room left. */
  diskFull: 'disk-full',
  /** SQLITE_READONLY: the file or its filesystem only allows reading. */
  readOnly: 'read-only',
  /** SQLITE_IOERR and friends: the operating system failed the read or write. */
  ioError: 'io-error',
  /** SQLITE_CORRUPT / SQLITE_NOTADB: the file's content is not a sound database. */
  corrupt: 'corrupt',
  /** The database file was deleted while the server had it open. */
  fileGone: 'database-file-gone',
  /** Another file now sits at the database's path. */
  fileReplaced: 'database-file-replaced',
  /** A database server (Postgres) refused or dropped the connection: it is down or unreachable. */
  unreachable: 'database-unreachable',
  /** The storage was closed (the server is stopping). */
  closed: 'closed',
  /** Anything else SQLite refused. */
  other: 'error',
} as const

export type StorageFailureCause = (typeof STORAGE_FAILURE_CAUSES)[keyof typeof STORAGE_FAILURE_CAUSES]

/** SQLite primary result codes (the low byte of an extended code). */
const SQLITE_READONLY = 8
const SQLITE_IOERR = 10
const SQLITE_CORRUPT = 11
const SQLITE_FULL = 13
const SQLITE_CANTOPEN = 14
const SQLITE_NOTADB = 26

/** A write that did not reach the database; `cause` says why, `message` says it for a person. */
export class StorageWriteError extends Error {
  readonly failure: StorageFailureCause
  /** What was being written: 'append', 'checkpoint', 'snapshot', 'board', 'named version' ('writes' for none in particular). */
  readonly operation: string

  constructor(operation: string, failure: StorageFailureCause, detail: string, cause?: unknown) {
    super(`${operation} not stored: ${detail}`, cause === undefined ? undefined : { cause })
    this.name = 'StorageWriteError'
    this.operation = operation
    this.failure = failure
  }
}

/** Turns whatever a write threw into a StorageWriteError naming the cause. */
export function storageWriteError(operation: string, error: unknown): StorageWriteError {
  if (error instanceof StorageWriteError) return error
  const code = sqliteCode(error)
  const message = error instanceof Error ? error.message : String(error)
  const primary = code === null ? null : code & 0xff
  if (primary === SQLITE_FULL) {
    return new StorageWriteError(
      operation,
      'disk-full',
      `the disk holding the database is full (${message})`,
      error,
    )
  }
  if (primary === SQLITE_READONLY) {
    return new StorageWriteError(operation, 'read-only', `the database is read-only (${message})`, error)
  }
  if (primary === SQLITE_IOERR || primary === SQLITE_CANTOPEN) {
    return new StorageWriteError(operation, 'io-error', `the disk failed the write (${message})`, error)
  }
  if (primary === SQLITE_CORRUPT || primary === SQLITE_NOTADB) {
    return new StorageWriteError(operation, 'corrupt', `the database file is damaged (${message})`, error)
  }
  if (/not open/i.test(message)) {
    return new StorageWriteError(operation, 'closed', 'the database is closed', error)
  }
  return new StorageWriteError(operation, 'error', message, error)
}

function sqliteCode(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null
  const code = (error as { errcode?: unknown }).errcode
  return typeof code === 'number' ? code : null
}

const FAILURE_WORDS: Record<StorageFailureCause, string> = {
  'disk-full': 'its disk is full',
  'read-only': 'its storage is read-only',
  'io-error': 'its disk failed the write',
  corrupt: 'its database is damaged',
  'database-file-gone': 'its database file is missing',
  'database-file-replaced': 'its database file was replaced',
  'database-unreachable': 'its database cannot be reached',
  closed: 'it is shutting down',
  error: 'storage error',
}

/** Why the server could not store something, in words a client can show (no server paths). */
export function storageFailureInWords(error: unknown): string {
  return error instanceof StorageWriteError ? FAILURE_WORDS[error.failure] : 'storage error'
}
