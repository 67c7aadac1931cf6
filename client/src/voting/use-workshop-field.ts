import { observeWorkshop, readWorkshopField, type WorkshopField } from '@flowmap/shared'
import { useCallback, useRef, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'

/**
 * One workshop field of the board's doc, kept current: re-read only when a transaction changed that key.
 * The value keeps its identity between changes (useSyncExternalStore compares snapshots by identity).
 */
export function useWorkshopField<Value>(
  doc: Y.Doc | null,
  field: WorkshopField<string, Value>,
): Value | null {
  const cache = useRef<{ doc: Y.Doc | null; value: Value | null; fresh: boolean }>({
    doc: null,
    value: null,
    fresh: false,
  })
  const subscribe = useCallback(
    (changed: () => void) => {
      if (doc === null) return () => {}
      return observeWorkshop(doc, (keys) => {
        if (!keys.has(field.key)) return
        cache.current.fresh = false
        changed()
      })
    },
    [doc, field],
  )
  const snapshot = useCallback(() => {
    const current = cache.current
    if (current.doc !== doc || !current.fresh) {
      cache.current = { doc, value: doc === null ? null : readWorkshopField(doc, field), fresh: true }
    }
    return cache.current.value
  }, [doc, field])
  return useSyncExternalStore(subscribe, snapshot)
}
