/**
 * Undo and redo touch only your own edits. tldraw's undo restores whole records as they were before
 * your edit, so undoing a resize would also put back the position someone else gave the same shape
 * since. The guard remembers which keys of which records remote changes set (since your last edit of
 * those keys), and while tldraw replays history it keeps those keys as they are now. A record your undo
 * removed (an undone create) keeps those keys when a redo creates it again.
 *
 * It needs to know when tldraw is replaying: `editor.isReplayingHistory()`, which tldraw marks
 * internal (present in 5.4; the undo tests fail loudly if it goes away).
 */
import type { Editor, TLRecord, TLStore } from 'tldraw'
import { attachRestoreUndoSteps } from './restore-undo-steps.ts'
import { undoByBoardSteps } from './undo-steps.ts'

type Fields = Record<string, unknown>

const PER_KEY_FIELDS = ['props', 'meta'] as const
const GUARDED_TYPES = ['shape', 'binding', 'page', 'document'] as const

/** Changed keys as paths: 'x', 'props.label', 'meta.flow'. */
function changedPaths(before: Fields, after: Fields): string[] {
  const paths: string[] = []
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if ((PER_KEY_FIELDS as readonly string[]).includes(key)) {
      const b = (before[key] ?? {}) as Fields
      const a = (after[key] ?? {}) as Fields
      for (const sub of new Set([...Object.keys(b), ...Object.keys(a)])) {
        if (b[sub] !== a[sub]) paths.push(`${key}.${sub}`)
      }
    } else if (before[key] !== after[key]) {
      paths.push(key)
    }
  }
  return paths
}

function withValueFrom(target: Fields, source: Fields, path: string): Fields {
  const [head, sub] = path.split('.') as [string, string | undefined]
  if (sub === undefined) {
    const result = { ...target }
    if (head in source) result[head] = source[head]
    else delete result[head]
    return result
  }
  const nested = { ...((target[head] ?? {}) as Fields) }
  const from = (source[head] ?? {}) as Fields
  if (sub in from) nested[sub] = from[sub]
  else delete nested[sub]
  return { ...target, [head]: nested }
}

export interface UndoGuard {
  /** Call with the editor the store is mounted in (tldraw's store `onMount`); returns the detach. */
  attachEditor(editor: Editor): () => void
  /** The binding calls this for every remote record it puts into the store. */
  noteRemoteChange(before: TLRecord | undefined, after: TLRecord): void
  dispose(): void
}

export function createUndoGuard(store: TLStore): UndoGuard {
  let editor: Editor | null = null
  // Whether the undo or redo running now changed a board record, before this guard kept any key.
  let replayChangedBoard = false
  const remoteKeys = new Map<string, Set<string>>()
  const isReplaying = () =>
    (editor as unknown as { isReplayingHistory?(): boolean } | null)?.isReplayingHistory?.() ?? false

  const beforeChange = (prev: TLRecord, next: TLRecord, source: 'remote' | 'user'): TLRecord => {
    if (source !== 'user') return next
    if (isReplaying() && prev !== next) replayChangedBoard = true
    const keys = remoteKeys.get(next.id)
    if (!keys || keys.size === 0) return next
    const changed = changedPaths(prev as unknown as Fields, next as unknown as Fields)
    if (!isReplaying()) {
      // Your own new edit: from now on these keys are yours to undo.
      for (const path of changed) keys.delete(path)
      return next
    }
    let kept = next as unknown as Fields
    for (const path of changed) {
      if (keys.has(path)) kept = withValueFrom(kept, prev as unknown as Fields, path)
    }
    return kept as unknown as TLRecord
  }
  const stops = GUARDED_TYPES.map((type) =>
    store.sideEffects.registerBeforeChangeHandler(type, beforeChange as never),
  )
  // A record an undo removed (the undo of your create) with the keys others had set on it: a redo
  // creates it again from your create, and would drop what they did meanwhile without this.
  const removedByReplay = new Map<string, { record: TLRecord; keys: Set<string> }>()
  const forget = (record: TLRecord) => {
    const keys = remoteKeys.get(record.id)
    remoteKeys.delete(record.id)
    if (isReplaying() && keys && keys.size > 0) removedByReplay.set(record.id, { record, keys })
    else removedByReplay.delete(record.id)
  }
  const stopDeletes = GUARDED_TYPES.map((type) =>
    store.sideEffects.registerAfterDeleteHandler(type, forget as never),
  )
  const beforeCreate = (record: TLRecord, source: 'remote' | 'user'): TLRecord => {
    const removed = removedByReplay.get(record.id)
    if (!removed) return record
    removedByReplay.delete(record.id)
    if (source !== 'user' || !isReplaying()) return record
    let kept = record as unknown as Fields
    for (const path of removed.keys) kept = withValueFrom(kept, removed.record as unknown as Fields, path)
    remoteKeys.set(record.id, new Set(removed.keys))
    return kept as unknown as TLRecord
  }
  const stopCreates = GUARDED_TYPES.map((type) =>
    store.sideEffects.registerBeforeCreateHandler(type, beforeCreate as never),
  )

  return {
    attachEditor: (mounted) => {
      editor = mounted
      // Under the stepping, so that a step which only took back a restore's title or roles counts.
      const restoreSteps = attachRestoreUndoSteps(mounted)
      const stopStepping = undoByBoardSteps(mounted, () => {
        const changed = restoreSteps.takeStepped() || replayChangedBoard
        replayChangedBoard = false
        return changed
      })
      return () => {
        stopStepping()
        restoreSteps.detach()
        if (editor === mounted) editor = null
      }
    },
    noteRemoteChange: (before, after) => {
      if (!before) return
      const paths = changedPaths(before as unknown as Fields, after as unknown as Fields)
      if (paths.length === 0) return
      let keys = remoteKeys.get(after.id)
      if (!keys) {
        keys = new Set()
        remoteKeys.set(after.id, keys)
      }
      for (const path of paths) keys.add(path)
    },
    dispose: () => {
      for (const stop of [...stops, ...stopDeletes, ...stopCreates]) stop()
      remoteKeys.clear()
      removedByReplay.clear()
      editor = null
    },
  }
}
