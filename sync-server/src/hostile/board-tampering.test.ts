/**
 * Hostile writers of the board document itself: a forged `board.schema`, keys the board does not
 * have, values over their limits, shared types and binary data where only plain values belong,
 * non-finite numbers and JSON nested thousands of levels deep. The writer is a real provider whose
 * doc is edited below @flowmap/shared's writers (as a buggy or hostile client would), so the bytes on
 * the wire are whatever Yjs makes of it.
 *
 * Each case proves the same four things: the sender is refused with a reason naming the field, the
 * server still serves, an honest client on the same board is acknowledged afterwards, and nothing of
 * the tampering was stored (history rebuilt from `readHistory`) or reached a second client.
 */
import {
  flowmapSchema,
  MAX_BOARD_TITLE_CHARS,
  MAX_LABEL_CHARS,
  readBoard,
  readRecord,
  writeBoard,
  writeRecord,
  writeRole,
} from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { BoardClient } from '../testing/board-client.ts'
import { recordInSchema, schemaWithStepAt, writeAsClientOf } from '../testing/schema-skew.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer({ per: 'suite', config: {} })
const WAIT = { timeout: 20_000, interval: 20 }

function client(boardId: string): BoardClient {
  return server.connect(boardId)
}

function recordMap(doc: Y.Doc, id: string): Y.Map<unknown> {
  return doc.getMap('records').get(id) as Y.Map<unknown>
}

function propsOf(doc: Y.Doc, id: string): Y.Map<unknown> {
  return recordMap(doc, id).get('props') as Y.Map<unknown>
}

/** Sets `deep` on `parent` to a Y.Map nested 12 levels, with `payload` at the bottom, in one transaction. */
function plantNestedMaps(doc: Y.Doc, parent: Y.Map<unknown>, payload: unknown): void {
  doc.transact(() => {
    let inner = new Y.Map<unknown>()
    parent.set('deep', inner)
    for (let level = 1; level < 12; level++) {
      const next = new Y.Map<unknown>()
      inner.set('down', next)
      inner = next
    }
    inner.set('payload', payload)
  })
}

function metaOf(doc: Y.Doc, id: string): Y.Map<unknown> {
  return recordMap(doc, id).get('meta') as Y.Map<unknown>
}

/** The board as the history log alone rebuilds it: everything the server acknowledged. */
async function docFromHistory(boardId: string): Promise<{ doc: Y.Doc; clientIds: Set<number> }> {
  const doc = new Y.Doc()
  const clientIds = new Set<number>()
  const entries = await server.server.storage.readHistory(boardId, { afterSeq: 0, limit: 100_000 })
  for (const entry of entries) {
    if (entry.clientId !== null) clientIds.add(entry.clientId)
    Y.applyUpdate(doc, entry.update)
  }
  return { doc, clientIds }
}

let boardCount = 0

interface Tampering {
  what: string
  /** Edits the hostile client's doc; the board already holds the honest step `shape:target`. */
  tamper(doc: Y.Doc): void
  code: 'invalid-board' | 'invalid-record' | 'invalid-role'
  reason: RegExp
  /** True when a doc shows the tampering (checked on the observer and on the stored history). */
  shows(doc: Y.Doc): boolean
}

/**
 * Runs one tampering on a fresh board: honest writer, observer, hostile writer; then proves the refusal,
 * that the board still works for the honest writer, and that nothing of it was stored or broadcast.
 */
async function proveRefused(tampering: Tampering): Promise<void> {
  const board = `tampering-${++boardCount}`
  const honest = client(board)
  const observer = client(board)
  await Promise.all([honest.synced, observer.synced])
  writeRecord(honest.doc, workflowShape('step', { id: 'target', props: { label: 'Honest step' } }))
  writeBoard(honest.doc, { title: 'Honest board', schema: flowmapSchema.serialize() })
  await honest.acknowledged()

  const hostile = client(board)
  await hostile.synced
  await vi.waitFor(() => expect(readRecord(hostile.doc, 'shape:target')).toBeDefined(), WAIT)
  tampering.tamper(hostile.doc)
  await vi.waitFor(() => expect(hostile.rejections).toHaveLength(1), WAIT)
  expect(hostile.rejections[0]!.code).toBe(tampering.code)
  expect(hostile.rejections[0]!.reason).toMatch(tampering.reason)
  // The reason is for a person: short, even when the refused value was megabytes.
  expect(hostile.rejections[0]!.reason.length).toBeLessThan(400)

  expect((await fetch(`${server.server.url}/healthz`)).status).toBe(200)
  writeRecord(honest.doc, workflowShape('step', { id: 'after', props: { label: 'Honest edit after' } }))
  writeRecord(honest.doc, {
    ...readRecord(honest.doc, 'shape:target')!,
    x: 99,
  } as ReturnType<typeof workflowShape<'step'>>)
  await honest.acknowledged()
  expect(honest.rejections).toEqual([])
  await vi.waitFor(() => expect(readRecord(observer.doc, 'shape:after')).toBeDefined(), WAIT)
  expect(readRecord(observer.doc, 'shape:target')).toMatchObject({ x: 99 })
  expect(tampering.shows(observer.doc)).toBe(false)

  const stored = await docFromHistory(board)
  expect(readRecord(stored.doc, 'shape:after')).toBeDefined()
  expect(tampering.shows(stored.doc)).toBe(false)
  expect(stored.clientIds.has(hostile.doc.clientID)).toBe(false)
}

const current = flowmapSchema.serialize()

const tamperings: Tampering[] = [
  {
    what: 'board.schema claiming a newer step version',
    tamper: (doc) =>
      doc
        .getMap('board')
        .set('schema', { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.step': 99 } }),
    code: 'invalid-board',
    reason: /board\.schema claims com\.tldraw\.shape\.step version 99, newer than this server's/,
    shows: (doc) =>
      (readBoard(doc).schema as typeof current | null)?.sequences['com.tldraw.shape.step'] === 99,
  },
  {
    what: 'board.schema listing a sequence the server does not have',
    tamper: (doc) =>
      doc
        .getMap('board')
        .set('schema', { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.spaceship': 1 } }),
    code: 'invalid-board',
    reason: /com\.tldraw\.shape\.spaceship, a migration sequence this server does not know/,
    shows: (doc) =>
      (readBoard(doc).schema as typeof current | null)?.sequences['com.tldraw.shape.spaceship'] !== undefined,
  },
  {
    what: 'a malformed board.schema',
    tamper: (doc) => doc.getMap('board').set('schema', { schemaVersion: 2, sequences: { x: -1 } }),
    code: 'invalid-board',
    reason: /board\.schema \.sequences\["x"\] must be a whole number >= 0, got -1/,
    shows: (doc) => (readBoard(doc).schema as typeof current | null)?.sequences.x !== undefined,
  },
  {
    what: 'an unknown board key',
    tamper: (doc) => doc.getMap('board').set('owner', 'mallory'),
    code: 'invalid-board',
    reason: /board has no field "owner": only title, schema, disabledLintRules/,
    shows: (doc) => doc.getMap('board').has('owner'),
  },
  {
    what: 'a 2 MB board title',
    tamper: (doc) => doc.getMap('board').set('title', 't'.repeat(2_000_000)),
    code: 'invalid-board',
    reason: new RegExp(`board\\.title is 2,000,000 characters; at most ${MAX_BOARD_TITLE_CHARS}`),
    shows: (doc) => readBoard(doc).title.length > MAX_BOARD_TITLE_CHARS,
  },
  {
    what: 'a Y.Array as the disabled lint rules',
    tamper: (doc) => doc.getMap('board').set('disabledLintRules', Y.Array.from(['step-without-owner'])),
    code: 'invalid-board',
    reason: /board\.disabledLintRules is a Y\.Array; only plain values are stored here/,
    shows: (doc) => doc.getMap('board').get('disabledLintRules') !== undefined,
  },
  {
    what: 'a 3 MB role name',
    tamper: (doc) =>
      writeRole(doc, { id: 'role:big', name: 'r'.repeat(3_000_000), color: 'red', kind: 'team' }),
    code: 'invalid-role',
    reason: /role role:big: name is 3,000,000 characters; at most 100/,
    shows: (doc) => doc.getMap('roles').has('role:big'),
  },
  {
    what: 'binary data as a role colour',
    tamper: (doc) =>
      doc.transact(() => {
        const role = new Y.Map<unknown>()
        doc.getMap('roles').set('role:bin', role)
        for (const [key, value] of Object.entries({ id: 'role:bin', name: 'Bin', kind: 'team' })) {
          role.set(key, value)
        }
        role.set('color', new Uint8Array([1, 2, 3]))
      }),
    code: 'invalid-role',
    reason: /role role:bin: color/,
    shows: (doc) => doc.getMap('roles').has('role:bin'),
  },
  {
    what: 'a 5 MB step label',
    tamper: (doc) => propsOf(doc, 'shape:target').set('label', 'x'.repeat(5_000_012)),
    code: 'invalid-record',
    reason: new RegExp(
      `step shape:target: props\\.label is 5,000,012 characters; at most ${MAX_LABEL_CHARS}`,
    ),
    shows: (doc) => String(propsOf(doc, 'shape:target').get('label')).length > MAX_LABEL_CHARS,
  },
  {
    what: 'a Y.Map nested 12 levels inside props',
    tamper: (doc) => plantNestedMaps(doc, propsOf(doc, 'shape:target'), 'planted 12 levels down'),
    code: 'invalid-record',
    reason: /record shape:target: props\.deep is a Y\.Map; only plain values are stored here/,
    shows: (doc) => propsOf(doc, 'shape:target').has('deep'),
  },
  {
    what: 'a Y.Map nested 12 levels inside meta (where any JSON is allowed)',
    tamper: (doc) => plantNestedMaps(doc, metaOf(doc, 'shape:target'), Number.NaN),
    code: 'invalid-record',
    reason: /record shape:target: meta\.deep is a Y\.Map; only plain values are stored here/,
    shows: (doc) => metaOf(doc, 'shape:target').has('deep'),
  },
  {
    what: 'a Y.Text where a record belongs',
    tamper: (doc) => doc.getMap('records').set('shape:bare', new Y.Text('not a record')),
    code: 'invalid-record',
    reason: /record shape:bare is not a record map/,
    shows: (doc) => doc.getMap('records').has('shape:bare'),
  },
  {
    what: 'a Y.Text inside meta',
    tamper: (doc) => metaOf(doc, 'shape:target').set('note', new Y.Text('rich')),
    code: 'invalid-record',
    reason: /record shape:target: meta\.note is a Y\.Text; only plain values are stored here/,
    shows: (doc) => metaOf(doc, 'shape:target').has('note'),
  },
  {
    what: 'a Uint8Array as the step label',
    tamper: (doc) => propsOf(doc, 'shape:target').set('label', new Uint8Array([0xde, 0xad])),
    code: 'invalid-record',
    reason: /step shape:target: props\.label is binary data \(Uint8Array\); only JSON values are allowed/,
    shows: (doc) => propsOf(doc, 'shape:target').get('label') instanceof Uint8Array,
  },
  {
    what: 'NaN as a width',
    tamper: (doc) => propsOf(doc, 'shape:target').set('w', Number.NaN),
    code: 'invalid-record',
    reason: /step shape:target: props\.w is NaN; only finite numbers are allowed/,
    shows: (doc) => Number.isNaN(propsOf(doc, 'shape:target').get('w')),
  },
  {
    what: 'Infinity inside meta',
    tamper: (doc) => metaOf(doc, 'shape:target').set('score', { best: Number.POSITIVE_INFINITY }),
    code: 'invalid-record',
    reason: /step shape:target: meta\.score\.best is Infinity; only finite numbers are allowed/,
    shows: (doc) => metaOf(doc, 'shape:target').has('score'),
  },
  {
    what: 'meta JSON nested 3,000 levels deep',
    tamper: (doc) => {
      let value: unknown = 'bottom'
      for (let level = 0; level < 3000; level++) value = { down: value }
      metaOf(doc, 'shape:target').set('tower', value)
    },
    code: 'invalid-record',
    reason: /step shape:target: meta\.tower(\.down)+ is nested more than 32 levels deep; at most 32/,
    shows: (doc) => metaOf(doc, 'shape:target').has('tower'),
  },
]

describe('board tampering', () => {
  it.each(tamperings)('refuses $what; the board keeps working and never stores it', proveRefused, 60_000)

  it('after a refused newer board.schema, honest clients of this version and an older one still write', async () => {
    const board = 'schema-lockout'
    const hostile = client(board)
    await hostile.synced
    hostile.doc.getMap('board').set('schema', schemaWithStepAt(99))
    await vi.waitFor(() => expect(hostile.rejections).toHaveLength(1), WAIT)
    expect(hostile.rejections[0]).toMatchObject({ code: 'invalid-board' })

    // An older client (step sequence 1) first on the board writes its schema with a record in its format.
    const older = schemaWithStepAt(1)
    const step = workflowShape('step', { id: 'old', props: { label: 'From an older client' } })
    const oldClient = client(board)
    await oldClient.synced
    writeAsClientOf(oldClient.doc, older, recordInSchema(step, older))
    await oldClient.acknowledged()
    expect(oldClient.rejections).toEqual([])

    // A current client raises it to its own and keeps writing.
    const currentClient = client(board)
    await currentClient.synced
    writeAsClientOf(
      currentClient.doc,
      current,
      workflowShape('step', { id: 'now', props: { label: 'Current client' } }),
    )
    await currentClient.acknowledged()
    writeRecord(currentClient.doc, workflowShape('step', { id: 'later', props: { label: 'Still accepted' } }))
    await currentClient.acknowledged()
    expect(currentClient.rejections).toEqual([])
    const stored = await docFromHistory(board)
    expect(readRecord(stored.doc, 'shape:old')).toBeDefined()
    expect(readRecord(stored.doc, 'shape:later')).toBeDefined()
    expect(readBoard(stored.doc).schema).toEqual(current)
  }, 60_000)

  it('refuses lowering board.schema: newer records would be migrated up from the wrong version', async () => {
    const board = 'schema-lowering'
    const currentClient = client(board)
    await currentClient.synced
    writeBoard(currentClient.doc, { schema: current })
    await currentClient.acknowledged()

    const older = { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.step': 1 } }
    const oldClient = client(board)
    await oldClient.synced
    writeBoard(oldClient.doc, { schema: older })
    await vi.waitFor(() => expect(oldClient.rejections).toHaveLength(1), WAIT)
    expect(oldClient.rejections[0]).toMatchObject({ code: 'invalid-board' })
    expect(oldClient.rejections[0]!.reason).toMatch(
      /would lower com\.tldraw\.shape\.step from version \d+ to 1/,
    )

    writeRecord(currentClient.doc, workflowShape('step', { id: 'fine', props: { label: 'Fine' } }))
    await currentClient.acknowledged()
    expect(readBoard((await docFromHistory(board)).doc).schema).toEqual(current)
  }, 60_000)
})
