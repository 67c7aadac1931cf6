import {
  localOrigin,
  newComment,
  newCommentThread,
  readBoard,
  readRecord,
  readRecords,
  recordFieldsTouchedBy,
  remoteOrigin,
  viewerCommentsField,
  writeBoard,
  writeRecords,
  writeWorkshopField,
} from '@flowmap/shared'
import { TEST_PAGE_ID } from '@flowmap/shared/testing'
import {
  type TLRecord,
  type TLShape,
  type TLShapeId,
  type TLStore,
  type TLUserId,
  UserRecordType,
} from 'tldraw'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardStore, pageRecords, stepRecord } from './board-records.test-support.ts'
import { loadDocIntoStore } from './load-doc-into-store.ts'
import { bindStoreToDoc, type StoreBinding } from './store-binding.ts'

const bindings: StoreBinding[] = []
afterEach(() => {
  for (const binding of bindings.splice(0)) binding.dispose()
})

function boundBoard(doc = new Y.Doc()): { doc: Y.Doc; store: TLStore; binding: StoreBinding } {
  const store = boardStore()
  const load = loadDocIntoStore(store, doc)
  expect(load.ok).toBe(true)
  const binding = bindStoreToDoc({ store, doc, onRejectedRecord: (message) => expect.fail(message) })
  bindings.push(binding)
  return { doc, store, binding }
}

/** The fields each transaction that touched records wrote, as "record id.field" paths. */
function recordChangesOf(doc: Y.Doc): string[][] {
  const transactions: string[][] = []
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    const touched = recordFieldsTouchedBy(transaction)
    if (touched.size === 0) return
    const paths: string[] = []
    for (const [id, fields] of touched) {
      if (fields === 'whole') paths.push(id)
      else for (const field of fields) paths.push(`${id}.${field}`)
    }
    transactions.push(paths.sort())
  })
  return transactions
}

function shape(store: TLStore, id: string): TLShape {
  return store.get(`shape:${id}` as TLShapeId) as TLShape
}

describe('store ⇄ doc binding', () => {
  it('writes a local edit to the doc property by property', () => {
    const { doc, store, binding } = boundBoard()
    store.put([...pageRecords(), stepRecord('a', { label: 'Check invoice' })])
    binding.flushLocalChanges()
    expect(readRecord(doc, 'shape:a')).toEqual(stepRecord('a', { label: 'Check invoice' }))
    expect(readBoard(doc).schema).toEqual(store.schema.serialize())

    const changes = recordChangesOf(doc)
    store.update(
      'shape:a' as TLShapeId,
      (r) => ({ ...r, x: 120, props: { ...r.props, status: 'doing' } }) as TLShape,
    )
    binding.flushLocalChanges()
    expect(changes).toEqual([['shape:a.props.status', 'shape:a.x']])
    expect(readRecord(doc, 'shape:a')).toMatchObject({
      x: 120,
      props: { status: 'doing', label: 'Check invoice' },
    })
  })

  it('writes the document and page with the first edit, and never session records (camera, instance)', () => {
    const { doc, store, binding } = boundBoard()
    store.put([stepRecord('a')])
    binding.flushLocalChanges()
    expect(store.allRecords().some((r) => r.typeName === 'instance')).toBe(true)
    expect(store.allRecords().some((r) => r.typeName === 'camera')).toBe(true)
    const typeNames = readRecords(doc).map((record) => record.typeName)
    expect(typeNames.sort()).toEqual(['document', 'page', 'shape'])
  })

  it("never writes tldraw's user record: opening a board (which puts it) changes nothing in the doc", () => {
    const doc = new Y.Doc()
    writeRecords(doc, [...pageRecords(), stepRecord('a')], remoteOrigin)
    const { store, binding } = boundBoard(doc)
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))

    // What the editor does when it mounts, and again when the person renames themselves.
    store.put([UserRecordType.create({ id: 'user:pabcdef123' as TLUserId, name: 'Ada', color: '#1971c2' })])
    binding.flushLocalChanges()
    store.update('user:pabcdef123' as TLUserId, (user) => ({ ...user, name: 'Ada L.' }))
    binding.flushLocalChanges()
    expect(updates).toEqual([])

    // A real edit afterwards still goes in, without the user record.
    store.update('shape:a' as TLShapeId, (r) => ({ ...r, x: 50 }))
    binding.flushLocalChanges()
    expect(updates).toHaveLength(1)
    expect(readRecords(doc).map((record) => record.typeName)).not.toContain('user')
  })

  it('seeds no page or document into an unsynced doc when only the user record changed', () => {
    const { doc, store, binding } = boundBoard()
    store.put([UserRecordType.create({ id: 'user:pabcdef123' as TLUserId, name: 'Ada', color: '#1971c2' })])
    binding.flushLocalChanges()
    expect(readRecords(doc)).toEqual([])
    expect(readBoard(doc).schema).toBeNull()
  })

  it('puts a remote change into the store as remote, without echoing it back to the doc', () => {
    const { doc, store, binding } = boundBoard()
    store.put([...pageRecords(), stepRecord('a')])
    binding.flushLocalChanges()

    const sources: string[] = []
    const stop = store.listen(({ source }) => sources.push(source), { scope: 'document' })
    const echoes: unknown[] = []
    doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === binding.origin) echoes.push(origin)
    })
    writeRecords(doc, [stepRecord('a', { label: 'Renamed elsewhere' })], remoteOrigin)
    binding.flushLocalChanges()
    stop()

    expect(shape(store, 'a').props).toMatchObject({ label: 'Renamed elsewhere' })
    expect(sources).toEqual(['remote'])
    expect(echoes).toEqual([])
  })

  it('keeps a local edit the store has not reported yet when a remote change to the same shape arrives', () => {
    const { doc, store, binding } = boundBoard()
    store.put([...pageRecords(), stepRecord('a')])
    binding.flushLocalChanges()

    store.update('shape:a' as TLShapeId, (r) => ({ ...r, x: 300 }))
    // Not flushed: tldraw reports it on the next frame. A remote rename lands first.
    const remote = readRecord(doc, 'shape:a') as TLShape
    writeRecords(
      doc,
      [{ ...remote, props: { ...remote.props, label: 'Remote label' } } as TLRecord],
      remoteOrigin,
    )

    expect(shape(store, 'a')).toMatchObject({ x: 300, props: { label: 'Remote label' } })
    expect(readRecord(doc, 'shape:a')).toMatchObject({ x: 300, props: { label: 'Remote label' } })
  })

  it('keeps both of two concurrent edits to different properties of one shape', () => {
    const alice = boundBoard()
    const bob = boundBoard()
    // A live link between the two docs, as the server would be.
    const link = (from: Y.Doc, to: Y.Doc) =>
      from.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== 'link') Y.applyUpdate(to, update, 'link')
      })
    alice.store.put([...pageRecords(), stepRecord('a')])
    alice.binding.flushLocalChanges()
    Y.applyUpdate(bob.doc, Y.encodeStateAsUpdate(alice.doc), 'link')
    expect(shape(bob.store, 'a')).toBeDefined()

    // Offline from each other: Alice moves the step, Bob renames it and reassigns its owner.
    alice.store.update('shape:a' as TLShapeId, (r) => ({ ...r, x: 400, y: 80 }))
    bob.store.update(
      'shape:a' as TLShapeId,
      (r) => ({ ...r, props: { ...r.props, label: 'Approve', owner: 'role:finance' } }) as TLShape,
    )
    alice.binding.flushLocalChanges()
    bob.binding.flushLocalChanges()
    link(alice.doc, bob.doc)
    link(bob.doc, alice.doc)
    Y.applyUpdate(bob.doc, Y.encodeStateAsUpdate(alice.doc, Y.encodeStateVector(bob.doc)), 'link')
    Y.applyUpdate(alice.doc, Y.encodeStateAsUpdate(bob.doc, Y.encodeStateVector(alice.doc)), 'link')

    for (const { store, doc } of [alice, bob]) {
      expect(shape(store, 'a')).toMatchObject({
        x: 400,
        y: 80,
        props: { label: 'Approve', owner: 'role:finance' },
      })
      expect(readRecord(doc, 'shape:a')).toEqual(shape(store, 'a'))
    }
  })

  it('migrates records written with an older schema on load and upgrades the doc', () => {
    const doc = new Y.Doc()
    const current = boardStore().schema.serialize()
    // A board written before steps had `automation` (step v1) and `estimate` (step v2).
    const older = { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.step': 0 } }
    const oldStep = stepRecord('old', { label: 'Legacy' }) as TLShape
    const { automation: _a, estimate: _e, ...oldProps } = oldStep.props as Record<string, unknown>
    writeRecords(doc, [...pageRecords(), { ...oldStep, props: oldProps } as TLRecord], localOrigin)
    writeBoard(doc, { schema: older }, localOrigin)

    const { store } = boundBoard(doc)

    expect(shape(store, 'old').props).toMatchObject({ label: 'Legacy', automation: 'manual', estimate: null })
    expect(readRecord(doc, 'shape:old')).toMatchObject({ props: { automation: 'manual', estimate: null } })
    expect(readBoard(doc).schema).toEqual(current)
  })

  it('refuses to load a board written by a newer version instead of misreading it', () => {
    const doc = new Y.Doc()
    const current = boardStore().schema.serialize()
    writeRecords(doc, [...pageRecords(), stepRecord('new')], localOrigin)
    writeBoard(doc, {
      schema: { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.step': 99 } },
    })
    const result = loadDocIntoStore(boardStore(), doc)
    expect(result).toEqual({ ok: false, problem: expect.stringMatching(/newer version of Flowmap/) })
  })
})

describe("a viewer's read-only binding", () => {
  it('never writes local store changes to the doc, yet still takes remote changes', () => {
    const doc = new Y.Doc()
    const store = boardStore()
    expect(loadDocIntoStore(store, doc, { readOnly: true }).ok).toBe(true)
    const binding = bindStoreToDoc({ store, doc, readOnly: true })
    bindings.push(binding)
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))

    // tldraw seeds its document and page records, and a page script could put a shape.
    store.put([...pageRecords(), stepRecord('a', { label: 'Forged' })])
    binding.flushLocalChanges()
    expect(updates).toEqual([])
    expect(readRecord(doc, 'shape:a')).toBeUndefined()

    writeRecords(doc, [stepRecord('b', { label: 'From the server' })], remoteOrigin)
    expect(shape(store, 'b')?.props).toMatchObject({ label: 'From the server' })
  })

  it("rolls a viewer's local change to board content back at once and reports it: no ghost shape stays", () => {
    const doc = new Y.Doc()
    writeRecords(doc, [...pageRecords(), stepRecord('kept', { label: 'On the server' })], remoteOrigin)
    const store = boardStore()
    expect(loadDocIntoStore(store, doc, { readOnly: true }).ok).toBe(true)
    const reported: string[][] = []
    const binding = bindStoreToDoc({
      store,
      doc,
      readOnly: true,
      onViewOnlyRollback: (ids) => reported.push(ids),
    })
    bindings.push(binding)

    store.put([stepRecord('ghost', { label: 'Forged' })])
    binding.flushLocalChanges()
    expect(shape(store, 'ghost')).toBeUndefined()
    const kept = shape(store, 'kept')!
    store.put([{ ...kept, props: { ...kept.props, label: 'Changed here' } } as TLRecord])
    binding.flushLocalChanges()
    expect(shape(store, 'kept')?.props).toMatchObject({ label: 'On the server' })
    store.remove([kept.id])
    binding.flushLocalChanges()
    expect(shape(store, 'kept')?.props).toMatchObject({ label: 'On the server' })
    expect(reported).toEqual([['shape:ghost'], ['shape:kept'], ['shape:kept']])
    expect(readRecord(doc, 'shape:ghost')).toBeUndefined()
  })

  it("writes a viewer's comments to the doc where the board allows viewers to comment, and nothing else", () => {
    const doc = new Y.Doc()
    writeRecords(doc, [...pageRecords(), stepRecord('kept', { label: 'On the server' })], remoteOrigin)
    const store = boardStore()
    expect(loadDocIntoStore(store, doc, { readOnly: true }).ok).toBe(true)
    const binding = bindStoreToDoc({ store, doc, readOnly: true })
    bindings.push(binding)
    const viewer = { id: 'u-viewer', name: 'Vic' }
    const thread = newCommentThread({
      pageId: TEST_PAGE_ID,
      anchor: { type: 'point', x: 0, y: 0 },
      author: viewer,
      now: 1,
    })

    // Not allowed: the thread stays on this page only (the server would refuse it).
    store.put([thread as unknown as TLRecord])
    binding.flushLocalChanges()
    expect(readRecord(doc, thread.id)).toBeUndefined()

    writeWorkshopField(doc, viewerCommentsField, true, remoteOrigin)
    const comment = newComment({ thread, author: viewer, text: 'Who signs this off?', now: 2 })
    store.put([comment as unknown as TLRecord, stepRecord('ghost', { label: 'Forged' })])
    binding.flushLocalChanges()
    expect(readRecord(doc, comment.id)).toMatchObject({ authorId: 'u-viewer' })
    expect(readRecord(doc, 'shape:ghost')).toBeUndefined()
    expect(shape(store, 'ghost')).toBeUndefined()
  })
})
