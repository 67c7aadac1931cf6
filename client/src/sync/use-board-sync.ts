/**
 * The board page's one entry to sync (docs/architecture.md): a tldraw store bound to the board's Y.Doc, loaded
 * from the device first and synced with the server, plus what the status chip shows.
 */

import type { PeopleMessage } from '@flowmap/shared'
import { FLOWMAP_CUSTOM_RECORDS } from '@flowmap/shared'
import type { HocuspocusProvider } from '@hocuspocus/provider'
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import {
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  type TLAnyBindingUtilConstructor,
  type TLAnyShapeUtilConstructor,
  type TLStoreWithStatus,
} from 'tldraw'
import type * as Y from 'yjs'
import { openAssetCache } from '../assets/asset-cache.ts'
import { createBoardAssetStore } from '../assets/board-asset-store.ts'
import { createBoardDatabase } from '../storage/board-database.ts'
import { describeStorageError } from '../storage/storage-error.ts'
import { BoardSession, LOADING_SESSION_STATE } from './board-session.ts'
import { collabUrl } from './collab-url.ts'
import type { ConnectionStatus } from './connection-status.ts'
import { localStoragePendingChanges } from './pending-changes.ts'
import type { RefusalNotice } from './refusal-notice.ts'
import { exposeBoardSession } from './sync-test-hook.ts'
import { createUndoGuard, type UndoGuard } from './undo-guard.ts'

export type { ConnectionStatus } from './connection-status.ts'

export interface BoardSyncOptions {
  readonly boardId: string
  readonly token: string | null
  readonly shapeUtils: readonly TLAnyShapeUtilConstructor[]
  readonly bindingUtils?: readonly TLAnyBindingUtilConstructor[]
  /**
   * A viewer's board: nothing this page does is written to the doc (the server refuses a viewer's
   * updates, and a refused update would reset the board on every open).
   */
  readonly readOnly?: boolean
}

export interface BoardSync {
  readonly store: TLStoreWithStatus
  readonly doc: Y.Doc | null
  readonly status: ConnectionStatus
  readonly refusal: RefusalNotice | null
  dismissRefusal(): void
  readonly storageError: string | null
  readonly provider: HocuspocusProvider | null
  /** The server turned the connection down for a reason of its own, or sent what this build cannot read. */
  readonly connectionProblem: string | null
  /** The server would not let this link open the board (bad, expired or missing token), in its words. */
  readonly linkRefused: string | null
  /** Who is on the board as the server verified them (people-messages.ts); null until it says. */
  readonly people: PeopleMessage | null
  /** A facilitator removed this person from the board, in the server's words. */
  readonly removed: string | null
}

/** tldraw's defaults plus the given utils; a given util replaces the default of the same type. */
function withDefaults<U extends { type: string }>(defaults: readonly U[], given: readonly U[]): U[] {
  const givenTypes = new Set(given.map((util) => util.type))
  return [...defaults.filter((util) => !givenTypes.has(util.type)), ...given]
}

export function useBoardSync(options: BoardSyncOptions): BoardSync {
  const { boardId, token, shapeUtils, bindingUtils } = options
  // Keyed by the util types, not array identity: a page passing a fresh array each render must not
  // get a fresh store (and lose the board) each render.
  const utilsKey = [...shapeUtils, ...(bindingUtils ?? [])].map((util) => util.type).join(',')
  // biome-ignore lint/correctness/useExhaustiveDependencies: the utils are keyed by their types (utilsKey)
  const { store, undoGuard, assets } = useMemo(() => {
    let guard: UndoGuard | null = null
    const assetStore = createBoardAssetStore({
      boardId,
      token,
      cache: openAssetCacheOrNull(),
      onProblem: (message) => console.warn(message),
    })
    const created = createTLStore({
      assets: assetStore,
      shapeUtils: withDefaults(defaultShapeUtils, shapeUtils),
      bindingUtils: withDefaults(defaultBindingUtils, bindingUtils ?? []),
      records: FLOWMAP_CUSTOM_RECORDS,
      onMount: (editor) => guard?.attachEditor(editor),
    })
    guard = createUndoGuard(created)
    return { store: created, undoGuard: guard, assets: assetStore }
  }, [boardId, token, utilsKey])

  // Files dropped here while offline (or before a reload) go to the server once it can be reached.
  useEffect(() => {
    void assets.sendWaiting()
    return () => assets.dispose()
  }, [assets])

  const [session, setSession] = useState<BoardSession | null>(null)
  useEffect(() => {
    let database: ReturnType<typeof createBoardDatabase> | null = null
    let openProblem: string | null = null
    try {
      database = createBoardDatabase()
    } catch (error) {
      openProblem = describeStorageError(error)
    }
    const created = new BoardSession({
      boardId,
      token,
      store,
      collabUrl: collabUrl(window.location),
      database,
      storageProblem: openProblem,
      undoGuard,
      readOnly: options.readOnly ?? false,
      pendingChangesStore: localStoragePendingChanges(window.localStorage),
    })
    setSession(created)
    const hideHook = exposeBoardSession(created, boardId)
    created.start().catch((error: unknown) => {
      console.error('Flowmap: the board could not be opened', error)
    })
    return () => {
      hideHook()
      created.destroy()
      setSession((current) => (current === created ? null : current))
    }
  }, [boardId, token, store, undoGuard, options.readOnly])

  const subscribe = useCallback(
    (listener: () => void) => session?.subscribe(listener) ?? (() => {}),
    [session],
  )
  const getSnapshot = useCallback(() => session?.getState() ?? LOADING_SESSION_STATE, [session])
  const state = useSyncExternalStore(subscribe, getSnapshot)
  const dismissRefusal = useCallback(() => session?.dismissRefusal(), [session])

  const storeWithStatus = useMemo<TLStoreWithStatus>(() => {
    switch (state.load.state) {
      case 'loading':
        return { status: 'loading' }
      case 'error':
        return { status: 'error', error: new Error(state.load.problem) }
      case 'ready':
        return {
          status: 'synced-remote',
          connectionStatus:
            state.status.state === 'online' || state.status.state === 'syncing' ? 'online' : 'offline',
          store,
        }
      default: {
        const unexpected: never = state.load
        throw new Error(`unknown load state ${JSON.stringify(unexpected)}`)
      }
    }
  }, [state.load, state.status.state, store])

  // Back in touch with the server (a reconnect, not only the browser's online event): send what waits.
  useEffect(() => {
    if (state.status.state === 'online') void assets.sendWaiting()
  }, [state.status.state, assets])

  return {
    store: storeWithStatus,
    doc: state.doc,
    status: state.status,
    refusal: state.refusal,
    dismissRefusal,
    storageError: state.storageError,
    provider: state.provider,
    connectionProblem: state.connectionProblem,
    linkRefused: state.linkRefused,
    people: state.people,
    removed: state.removed,
  }
}

/** The device's asset cache, or none where IndexedDB cannot be opened (files then live on the server only). */
function openAssetCacheOrNull(): ReturnType<typeof openAssetCache> | null {
  try {
    return openAssetCache()
  } catch {
    return null
  }
}
