import type { TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { recordsMap } from './doc-maps.ts'
import { recordFrom } from './records.ts'
import { entryIdsTouchedBy, type TouchedIds } from './touched-ids.ts'

export type RecordsChange = { upserted: TLRecord[]; removed: string[] }

/** `origin` is the writer's: ours are `DocOrigin`s, a provider or Hocuspocus passes its own objects. */
export type RecordsListener = (change: RecordsChange, origin: unknown, transaction: Y.Transaction) => void

/**
 * The ids of the records a transaction created, changed or deleted. The server calls it on a shadow
 * doc to validate only what an update touched.
 */
export function recordIdsTouchedBy(transaction: Y.Transaction): TouchedIds {
  return entryIdsTouchedBy(transaction, recordsMap(transaction.doc) as Y.Map<unknown>)
}

/**
 * Calls `listener` once per transaction that touched records, with the touched records read back
 * (never a scan of the whole doc). Returns the unsubscribe function.
 */
export function observeRecords(doc: Y.Doc, listener: RecordsListener): () => void {
  const records = recordsMap(doc)
  const onChange = (_events: Array<Y.YEvent<Y.AbstractType<unknown>>>, transaction: Y.Transaction) => {
    const { changed, removed } = recordIdsTouchedBy(transaction)
    if (changed.size === 0 && removed.size === 0) return
    const upserted: TLRecord[] = []
    for (const id of changed) {
      const source = records.get(id)
      if (source instanceof Y.Map) upserted.push(recordFrom(source))
    }
    listener({ upserted, removed: [...removed] }, transaction.origin, transaction)
  }
  records.observeDeep(onChange)
  return () => records.unobserveDeep(onChange)
}
