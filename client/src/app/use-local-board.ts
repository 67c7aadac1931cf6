import { useMemo } from 'react'
import {
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  type TLAnyBindingUtilConstructor,
  type TLAnyShapeUtilConstructor,
  type TLStoreWithStatus,
} from 'tldraw'
import * as Y from 'yjs'

export type BoardSourceOptions = {
  boardId: string
  token: string | null
  shapeUtils: readonly TLAnyShapeUtilConstructor[]
  bindingUtils?: readonly TLAnyBindingUtilConstructor[]
}

/** What the board page needs from wherever the board comes from; the sync layer's BoardSync has all of it. */
export type BoardSource = { store: TLStoreWithStatus; doc: Y.Doc | null }

/**
 * A board that lives only in this tab: a plain tldraw store and an empty Y.Doc for the roles.
 * It stands in for the sync layer's `useBoardSync` (same options, a subset of its result) so the
 * page can be built and tried before sync exists; board-source.ts picks which one the page uses.
 */
export function useLocalBoard(options: BoardSourceOptions): BoardSource {
  const { boardId, shapeUtils, bindingUtils } = options
  return useMemo(() => {
    const store = createTLStore({
      shapeUtils: [...defaultShapeUtils, ...shapeUtils],
      bindingUtils: [...defaultBindingUtils, ...(bindingUtils ?? [])],
    })
    const doc = new Y.Doc({ guid: boardId })
    return { store: { status: 'not-synced', store }, doc }
  }, [boardId, shapeUtils, bindingUtils])
}
