import type * as Y from 'yjs'
import type { WorkshopField } from '../schema/workshop/workshop-field.ts'
import { workshopMap } from './doc-maps.ts'
import { type DocOrigin, localOrigin } from './origin.ts'
import { transactBoard } from './transact-board.ts'

/**
 * The workshop map's fields, each read through its definition's parser: an absent or malformed value
 * reads as null (a malformed one cannot reach the server's copy, but a page may hold one briefly).
 */
export function readWorkshopField<Value>(doc: Y.Doc, field: WorkshopField<string, Value>): Value | null {
  const raw = workshopMap(doc).get(field.key)
  if (raw === undefined) return null
  const parsed = field.parse(raw)
  return parsed.ok ? parsed.value : null
}

/** Writes one field (null removes it), in one transaction with `origin`. */
export function writeWorkshopField<Value>(
  doc: Y.Doc,
  field: WorkshopField<string, Value>,
  value: Value | null,
  origin: DocOrigin = localOrigin,
): void {
  const map = workshopMap(doc)
  transactBoard(doc, origin, () => {
    if (value === null) map.delete(field.key)
    else map.set(field.key, value)
  })
}

/** Calls `listener` after each transaction that changed the workshop map, with the keys it changed. */
export function observeWorkshop(
  doc: Y.Doc,
  listener: (keys: ReadonlySet<string>, origin: unknown) => void,
): () => void {
  const map = workshopMap(doc)
  const onChange = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) =>
    listener(new Set(event.keysChanged), transaction.origin)
  map.observe(onChange)
  return () => map.unobserve(onChange)
}
