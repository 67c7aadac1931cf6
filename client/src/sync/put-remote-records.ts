/**
 * Puts records that came from the doc into the tldraw store as remote changes (never echoed back, never
 * in the local undo stack).
 *
 * A snapshot load (a whole board arriving in a store that holds none of it yet) runs with the store's
 * side effects off, as tldraw's own `loadStoreSnapshot` does. The doc already holds the result of every
 * side effect its writers ran; running them again costs O(board) per record: tldraw's arrow binding
 * re-parents and re-indexes each bound arrow on create, reading the sorted children of its parent, which
 * made opening a board of 5,000 nodes and 8,000 connectors take tens of seconds, and the arrows it moved
 * would be written back to the doc as this client's own edits.
 *
 * `StoreSideEffects.setIsEnabled` is marked internal in tldraw 5.4 (loadStoreSnapshot uses it); the
 * store-binding tests fail loudly if it goes away.
 */
import type { TLRecord, TLStore } from 'tldraw'

type SideEffectSwitch = { isEnabled(): boolean; setIsEnabled(enabled: boolean): void }

export type RemotePut = {
  readonly removals: readonly TLRecord['id'][]
  readonly puts: readonly TLRecord[]
  /** A snapshot load: skip the side effects the doc's writers already ran. */
  readonly asSnapshot: boolean
}

export function putRemoteRecords(store: TLStore, { removals, puts, asSnapshot }: RemotePut): void {
  const apply = () =>
    store.mergeRemoteChanges(() => {
      if (removals.length > 0) store.remove([...removals])
      if (puts.length > 0) store.put([...puts])
    })
  if (asSnapshot) withoutStoreSideEffects(store, apply)
  else apply()
}

/** Runs `change` with the store's side effects off: its records already hold what they would do. */
export function withoutStoreSideEffects(store: TLStore, change: () => void): void {
  const sideEffects = store.sideEffects as unknown as SideEffectSwitch
  const wasEnabled = sideEffects.isEnabled()
  sideEffects.setIsEnabled(false)
  try {
    change()
  } finally {
    sideEffects.setIsEnabled(wasEnabled)
  }
}
