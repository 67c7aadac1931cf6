import type { TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { recordIdsTouchedBy } from '../doc/observe-records.ts'
import { readRecords } from '../doc/records.ts'
import { docAt, seqAt } from './doc-at.ts'
import type { BoardHistory, HistoryMoment } from './history-entry.ts'
import type { HistoryLog } from './history-log.ts'
import { historyOrigin } from './history-origin.ts'

export type RecordChangeKind = 'added' | 'removed' | 'changed'

/** What happened to one record between two moments, in the words a person reading the map uses. */
export type RecordChange = {
  id: string
  kind: RecordChangeKind
  /** 'shape', 'binding', 'page' … */
  typeName: string
  /** The shape type ('step', 'arrow' …), null for records that are not shapes. */
  shapeType: string | null
  /** The label, question or text of the record as it is (or, when removed, as it was). */
  label: string | null
  /** For 'changed': the fields that differ, as paths (`x`, `parentId`, `props.status`, `meta.flow`). */
  fields: string[]
  /** The users whose entries touched the record in between, in order of first touch. */
  by: string[]
}

export type HistoryDiff = {
  fromSeq: number
  toSeq: number
  changes: RecordChange[]
  /** Per user: how many records they added, removed and changed (a record touched by two counts for both). */
  byUser: Record<string, Record<RecordChangeKind, number>>
}

/**
 * The difference between two moments of a board, attributed to the people who made it.
 *
 * 1. Rebuild the board at `from` (nearest checkpoint + tail).
 * 2. Apply each entry up to `to` in its own transaction and note which records it touched and who sent it.
 * 3. Compare the touched records before and after: a record touched and then put back is no change.
 */
export function diffHistory(history: BoardHistory, from: HistoryMoment, to: HistoryMoment): HistoryDiff {
  const start = docAt(history, from)
  const doc = start.doc
  const before = recordsById(readRecords(doc))
  const touchers = new Map<string, string[]>()
  let toSeq = start.seq
  const target = seqAt(history.entries, to)
  for (const entry of history.entries) {
    if (entry.seq <= start.seq) continue
    if (entry.seq > target) break
    const onTransaction = (transaction: Y.Transaction) => {
      const { changed, removed } = recordIdsTouchedBy(transaction)
      for (const id of [...changed, ...removed]) {
        const users = touchers.get(id) ?? []
        if (!users.includes(entry.userId)) users.push(entry.userId)
        touchers.set(id, users)
      }
    }
    doc.on('afterTransaction', onTransaction)
    Y.applyUpdate(doc, entry.update, historyOrigin)
    doc.off('afterTransaction', onTransaction)
    toSeq = entry.seq
  }
  const after = recordsById(readRecords(doc))
  const changes: RecordChange[] = []
  for (const [id, by] of touchers) {
    const change = compareRecord(id, before.get(id), after.get(id), by)
    if (change) changes.push(change)
  }
  doc.destroy()
  return { fromSeq: start.seq, toSeq, changes, byUser: countByUser(changes) }
}

/**
 * The same answer as `diffHistory`, from a loaded HistoryLog's content index instead of Yjs: the
 * content at both moments (keyframe + effects) and the records each entry in between wrote or removed.
 * Needs no Yjs checkpoints, and costs the board's size plus the entries in between.
 */
export function diffLog(log: HistoryLog, from: HistoryMoment, to: HistoryMoment): HistoryDiff {
  const fromSeq = seqAt(log.entries, from)
  const toSeq = Math.max(fromSeq, seqAt(log.entries, to))
  const before = log.contentAt(fromSeq).records
  const after = log.contentAt(toSeq).records
  const touchers = new Map<string, string[]>()
  for (let seq = fromSeq + 1; seq <= toSeq; seq++) {
    const effect = log.effectOf(seq)
    const userId = log.entries[seq - 1]?.userId
    if (!effect || userId === undefined) continue
    for (const id of [...effect.upserted.map((record) => record.id), ...effect.removed]) {
      const users = touchers.get(id) ?? []
      if (!users.includes(userId)) users.push(userId)
      touchers.set(id, users)
    }
  }
  const changes: RecordChange[] = []
  for (const [id, by] of touchers) {
    const change = compareRecord(id, before.get(id), after.get(id), by)
    if (change) changes.push(change)
  }
  return { fromSeq, toSeq, changes, byUser: countByUser(changes) }
}

function recordsById(records: TLRecord[]): Map<string, TLRecord> {
  return new Map(records.map((record) => [record.id, record]))
}

function compareRecord(
  id: string,
  before: TLRecord | undefined,
  after: TLRecord | undefined,
  by: string[],
): RecordChange | null {
  const current = after ?? before
  if (!current) return null
  const base = {
    id,
    typeName: current.typeName,
    shapeType: current.typeName === 'shape' ? (current as { type: string }).type : null,
    label: labelOf(current),
    by,
  }
  if (!before) return { ...base, kind: 'added', fields: [] }
  if (!after) return { ...base, kind: 'removed', fields: [] }
  const fields = changedFields(
    before as unknown as Record<string, unknown>,
    after as unknown as Record<string, unknown>,
  )
  return fields.length > 0 ? { ...base, kind: 'changed', fields } : null
}

/** Field paths whose values differ; `props` and `meta` are compared key by key, as the doc stores them. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const fields: string[] = []
  for (const key of unionKeys(before, after)) {
    const a = before[key]
    const b = after[key]
    if ((key === 'props' || key === 'meta') && isPlainObject(a) && isPlainObject(b)) {
      for (const inner of unionKeys(a, b)) {
        if (!sameValue(a[inner], b[inner])) fields.push(`${key}.${inner}`)
      }
    } else if (!sameValue(a, b)) {
      fields.push(key)
    }
  }
  return fields
}

function unionKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const keys = unionKeys(a as Record<string, unknown>, b as Record<string, unknown>)
  return keys.every((key) =>
    sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  )
}

function labelOf(record: TLRecord): string | null {
  const props = (record as { props?: Record<string, unknown> }).props
  if (!props)
    return typeof (record as { name?: unknown }).name === 'string' ? (record as { name: string }).name : null
  for (const key of ['label', 'question', 'name', 'text']) {
    const value = props[key]
    if (typeof value === 'string' && value.length > 0) return value
  }
  return null
}

function countByUser(changes: RecordChange[]): HistoryDiff['byUser'] {
  const counts: HistoryDiff['byUser'] = {}
  for (const change of changes) {
    for (const user of change.by) {
      counts[user] ??= { added: 0, removed: 0, changed: 0 }
      counts[user][change.kind]++
    }
  }
  return counts
}
