/**
 * BoardStorage for a database the server talks to over a connection (Postgres): every method of
 * board-storage.ts with the same meaning, answering a Promise. A write's promise resolves only once the
 * write is committed, and rejects with a StorageWriteError (storage-error.ts) when it is not; so an
 * update is acknowledged after its append resolves, never before.
 *
 * `transaction(work)` replaces `atomically(write)`: `work` gets a handle whose methods all run in one
 * transaction, which commits when `work` resolves and rolls back whole when it throws (the error is
 * rethrown). A transaction inside a transaction (`tx.transaction(…)`) joins the outer one.
 *
 * `asyncStorageOf(sqlite)` answers this interface over the SQLite storage, with no change to what it
 * stores: the step that moves the server's call sites from the synchronous interface to this one can
 * do so with SQLite still the default, and the same conformance suite (storage-conformance.ts) runs on
 * both databases.
 */
import type { BoardStorage } from './board-storage.ts'
import type { SqliteStorage } from './sqlite-storage.ts'

type Promised<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never
}

/** Every method of BoardStorage but `atomically`, each answering a Promise. */
type AsyncBoardMethods = Promised<Omit<BoardStorage, 'atomically'>>

export interface AsyncBoardStorage extends AsyncBoardMethods {
  /**
   * Runs `work` as one transaction: every write through `tx` commits together when `work` resolves, or
   * none does when it throws (rethrown). Calls made on the storage itself, not on `tx`, are not part of
   * it.
   */
  transaction<T>(work: (tx: AsyncBoardTransaction) => Promise<T>): Promise<T>
}

/** The storage as seen inside a transaction: the same reads and writes, all in that transaction. */
export type AsyncBoardTransaction = Omit<AsyncBoardStorage, 'close' | 'isAvailable' | 'writeFailure'>

/** The methods passed straight through to the synchronous storage (the type below checks it is all of them). */
const PASSED_THROUGH = [
  'createBoard',
  'ensureBoard',
  'getBoard',
  'listBoards',
  'listDeletedBoards',
  'setTitle',
  'markBoardDeleted',
  'restoreBoard',
  'purgeBoardsDeletedBefore',
  'appendUpdate',
  'readHistory',
  'lastSeq',
  'contributorCount',
  'writeCheckpoint',
  'latestCheckpoint',
  'checkpointAtOrBefore',
  'listCheckpoints',
  'writeSnapshot',
  'readSnapshot',
  'addNamedVersion',
  'listNamedVersions',
  'linkAsset',
  'linkedAsset',
  'boardsWithAssets',
  'assetLinks',
  'unlinkAsset',
  'assetLinkCount',
  'unlinkedAssets',
  'forgetUnlinkedAsset',
  'isAssetRecorded',
  'checkpointAtOrBeforeTime',
  'addTemplate',
  'listTemplates',
  'isAvailable',
  'writeFailure',
  'close',
  'readClientIds',
  'claimClientIds',
  'setMemberChange',
  'memberChange',
  'revokeToken',
  'isTokenRevoked',
  'castVote',
  'withdrawVote',
  'readVotes',
] as const satisfies readonly (keyof AsyncBoardMethods)[]

// A method added to BoardStorage and not listed above is a type error here.
type Unlisted = Exclude<keyof AsyncBoardMethods, (typeof PASSED_THROUGH)[number]>
const everyMethodListed: [Unlisted] extends [never] ? true : Unlisted = true
void everyMethodListed

/**
 * The SQLite storage behind the asynchronous interface. Each call runs synchronously as before; while
 * a transaction is open (it spans the awaits of `work`), every other call through this adapter waits
 * for it to end, since SQLite's one connection would otherwise run it inside that transaction.
 */
export function asyncStorageOf(sqlite: SqliteStorage): AsyncBoardStorage {
  /** Resolves when the open transaction (and every one queued before) has ended. */
  let idle: Promise<void> = Promise.resolve()
  let open = 0

  const direct = {} as Record<string, (...args: unknown[]) => Promise<unknown>>
  const outside = {} as Record<string, (...args: unknown[]) => Promise<unknown>>
  for (const name of PASSED_THROUGH) {
    const method = (sqlite[name] as (...args: unknown[]) => unknown).bind(sqlite)
    direct[name] = async (...args) => method(...args)
    outside[name] = async (...args) => {
      while (open > 0) await idle
      return method(...args)
    }
  }

  const tx = {
    ...direct,
    transaction: <T>(work: (inner: AsyncBoardTransaction) => Promise<T>) => work(tx),
  } as unknown as AsyncBoardTransaction

  async function transaction<T>(work: (handle: AsyncBoardTransaction) => Promise<T>): Promise<T> {
    while (open > 0) await idle
    open++
    let finish: () => void = () => {}
    idle = new Promise<void>((resolve) => {
      finish = resolve
    })
    try {
      const end = sqlite.openTransaction()
      let result: T
      try {
        result = await work(tx)
      } catch (error) {
        end(false)
        throw error
      }
      end(true)
      return result
    } finally {
      open--
      finish()
    }
  }

  return { ...outside, transaction } as unknown as AsyncBoardStorage
}
