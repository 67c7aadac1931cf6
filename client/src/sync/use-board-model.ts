import { useEffect, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import { type BoardModel, createBoardModel, type LiveValue } from './board-model.ts'

/** The board model of the open doc, one per doc (a refusal reset brings a fresh doc, and a fresh model). */
export function useBoardModel(doc: Y.Doc | null): BoardModel | null {
  return useMemo(() => (doc ? createBoardModel(doc) : null), [doc])
}

/** The current value of a live board value, or null while there is no board; re-renders as it changes. */
export function useLiveValue<T>(live: LiveValue<T> | null): T | null {
  const [value, setValue] = useState<T | null>(() => (live ? live.get() : null))
  useEffect(() => {
    if (!live) {
      setValue(null)
      return
    }
    setValue(live.get())
    return live.subscribe(setValue)
  }, [live])
  return value
}
