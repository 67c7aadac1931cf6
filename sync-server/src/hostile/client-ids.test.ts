/**
 * Hostile: structs under someone else's Yjs client ID, and updates that depend on content the server
 * does not have (Yjs would keep them "pending", out of validation's sight). Each case: the attacker is
 * refused, the honest clients stay connected and get their next edit acknowledged, and nothing of the
 * attack is stored or reaches another client.
 */
import {
  type BoardRole,
  deleteRecord,
  parseRefusalMessage,
  type RefusalCode,
  readRecord,
  writeRecord,
} from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { loadBoardDoc } from '../boards/load-board.ts'
import type { BoardClient } from '../testing/board-client.ts'
import { openRawBoardSocket, type RawBoardSocket } from '../testing/raw-socket.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const BOARD = 'hostile-client-ids'
const WAIT = { timeout: 20_000 }

const server = useTestServer()

function token(sub: string, role: BoardRole = 'editor'): Promise<string> {
  return testToken({ sub, board: BOARD, role }, { expiresInMs: 600_000 })
}

async function person(sub: string, doc?: Y.Doc): Promise<BoardClient> {
  const client = server.connect(BOARD, { token: await token(sub), ...(doc ? { doc } : {}) })
  await client.synced
  return client
}

/** Most cases' cast: a server with tokens, and Alice and Bob editing the board. */
async function aliceAndBob(): Promise<{ alice: BoardClient; bob: BoardClient }> {
  await server.start({ authSecret: TEST_SECRET })
  const alice = await person('alice')
  const bob = await person('bob')
  return { alice, bob }
}

/** A doc of its own holding what `doc` holds (and a client ID of its own): edits on it are not sent. */
function offlineCopy(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

async function attackerSocket(): Promise<RawBoardSocket> {
  const socket = server.track(openRawBoardSocket(server.collabUrl, BOARD, await token('mallory')))
  expect(await socket.scope).toBe('read-write')
  return socket
}

const step = (id: string, label: string) => workflowShape('step', { id, props: { label } })

/** Structs written by a doc that poses as `clientId`, starting from `state`: what a forger would send. */
function forged(state: Uint8Array, clientId: number, write: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  // After the state: Yjs gives a doc a new ID when a remote update writes under its own.
  doc.clientID = clientId
  const before = Y.encodeStateVector(doc)
  write(doc)
  const update = Y.encodeStateAsUpdate(doc, before)
  doc.destroy()
  return update
}

/** Updates a doc emits, one per transaction, in order. */
function recordUpdates(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  return updates
}

/** Mallory (on her own socket unless given one) sends a step `id` under `clientId` on top of `state`; it is refused as a foreign ID. */
async function plantRefused(state: Uint8Array, clientId: number, id: string, socket?: RawBoardSocket) {
  const attacker = socket ?? (await attackerSocket())
  attacker.sendUpdate(forged(state, clientId, (doc) => writeRecord(doc, step(id, 'x'))))
  await refusedWith(attacker, 'foreign-client-id')
}

async function refusedWith(socket: RawBoardSocket, code: RefusalCode): Promise<void> {
  await vi.waitFor(() => {
    const codes = socket.stateless.map((payload) => {
      const rejected = parseRefusalMessage(payload)
      return rejected.ok ? rejected.message.code : rejected.reason
    })
    expect(codes).toContain(code)
  }, WAIT)
}

/** `writer` writes step `id` and the server acknowledges it. */
async function wroteStep(writer: BoardClient, id: string, label: string): Promise<void> {
  writeRecord(writer.doc, step(id, label))
  await writer.acknowledged()
}

/** The honest side of every case: still connected, its edit acknowledged and seen by the other. */
async function honestStillWorks(writer: BoardClient, watcher: BoardClient, id: string): Promise<void> {
  writeRecord(writer.doc, step(id, `written after the attack: ${id}`))
  await writer.acknowledged()
  await vi.waitFor(() => expect(readRecord(watcher.doc, `shape:${id}`)).toBeDefined(), WAIT)
  expect(writer.rejections).toEqual([])
  expect(watcher.rejections).toEqual([])
  expect(writer.provider.synced).toBe(true)
}

/** Nothing from the attack in the log, nor in what the watcher holds. */
async function neverStored(watcher: BoardClient, recordId: string): Promise<void> {
  const stored = (await loadBoardDoc(server.server.storage, BOARD)).doc
  expect(readRecord(stored, recordId)).toBeUndefined()
  expect(stored.store.pendingStructs).toBeNull()
  expect(stored.store.pendingDs).toBeNull()
  const history = await server.server.storage.readHistory(BOARD, { afterSeq: 0, limit: 10_000 })
  expect(history.filter((entry) => entry.userId === 'mallory')).toEqual([])
  expect(readRecord(watcher.doc, recordId)).toBeUndefined()
  expect(watcher.doc.store.pendingStructs).toBeNull()
  expect(watcher.doc.store.pendingDs).toBeNull()
}

describe('hostile: client IDs belong to their writer', () => {
  it("structs at another user's next clock are refused; the victim's following edits are accepted and it stays connected", async () => {
    const { alice, bob } = await aliceAndBob()
    await wroteStep(alice, 'alices', 'Alice wrote this')

    const state = Y.encodeStateAsUpdate(alice.doc)
    await plantRefused(state, alice.doc.clientID, 'planted')

    // Without the check the planted structs would occupy Alice's next clocks.
    await wroteStep(alice, 'alices', 'Alice edits again')
    await honestStillWorks(alice, bob, 'after-next-clock')
    await vi.waitFor(
      () =>
        expect(readRecord(bob.doc, 'shape:alices')).toMatchObject({ props: { label: 'Alice edits again' } }),
      WAIT,
    )
    await neverStored(bob, 'shape:planted')
  })

  it('structs at an old clock of another user (content the server already has under that ID) are refused', async () => {
    const { alice, bob } = await aliceAndBob()
    await wroteStep(alice, 'first', 'One')
    const earlier = Y.encodeStateAsUpdate(alice.doc)
    await wroteStep(alice, 'second', 'Two')

    // Same clocks as Alice's second edit, other content: accepted, it would pass as a no-op duplicate.
    await plantRefused(earlier, alice.doc.clientID, 'rewritten')
    await honestStillWorks(alice, bob, 'after-old-clock')
    await neverStored(bob, 'shape:rewritten')
  })

  it("structs under the ID of another user's ended session are refused: the person owns it, not the connection", async () => {
    await server.start({ authSecret: TEST_SECRET })
    const alice = await person('alice')
    const bobEarlier = await person('bob')
    await wroteStep(bobEarlier, 'bobs', 'Bob wrote this yesterday')
    const bobsOldId = bobEarlier.doc.clientID
    const state = Y.encodeStateAsUpdate(bobEarlier.doc)
    server.end(bobEarlier)
    const bob = await person('bob')

    await plantRefused(state, bobsOldId, 'posed')
    await honestStillWorks(alice, bob, 'after-known-id')
    await honestStillWorks(bob, alice, 'bob-after-known-id')
    await neverStored(alice, 'shape:posed')
  })

  it('a fresh ID learned from the awareness relay before its owner wrote anything cannot be taken', async () => {
    await server.start({ authSecret: TEST_SECRET })
    const bob = await person('bob')
    const alice = await person('alice')
    // Alice's presence, under the client ID her doc will write with: the server relays it to every editor.
    alice.provider.awareness!.setLocalStateField('user', { name: 'Alice' })
    const live = server.server.hocuspocus.documents.get(BOARD)!
    await vi.waitFor(() => expect([...live.awareness.getStates().keys()]).toContain(alice.doc.clientID), WAIT)
    const learned = alice.doc.clientID
    expect(Y.getState(alice.doc.store, learned)).toBe(0)

    await plantRefused(Y.encodeStateAsUpdate(bob.doc), learned, 'first')
    await honestStillWorks(alice, bob, 'alices-first-edit')
    expect(alice.doc.clientID).toBe(learned)
    await neverStored(bob, 'shape:first')
  })

  it('ownership is stored: after a server restart the attacker is still refused and the owner still accepted', async () => {
    await server.start({ authSecret: TEST_SECRET })
    const alice = await person('alice')
    await wroteStep(alice, 'alices', 'before the restart')
    const aliceId = alice.doc.clientID
    const state = Y.encodeStateAsUpdate(alice.doc)
    server.end(alice)
    await server.restart()

    const bob = await person('bob')
    await plantRefused(state, aliceId, 'planted')

    // Alice comes back with the same doc (same client ID) and keeps writing under it.
    const returning = new Y.Doc()
    Y.applyUpdate(returning, state)
    returning.clientID = aliceId
    const alice2 = await person('alice', returning)
    await honestStillWorks(alice2, bob, 'after-restart')
    await neverStored(bob, 'shape:planted')
  })

  it('the server owns the IDs of its own changes', async () => {
    const { alice, bob } = await aliceAndBob()
    const live = server.server.hocuspocus.documents.get(BOARD)!
    live.transact(() => writeRecord(live, step('by-server', 'written on the server')), {
      source: 'server-test',
    })
    await vi.waitFor(() => expect(readRecord(bob.doc, 'shape:by-server')).toBeDefined(), WAIT)

    const state = Y.encodeStateAsUpdate(bob.doc)
    await plantRefused(state, live.clientID, 'planted')
    await honestStillWorks(alice, bob, 'after-server-id')
    await neverStored(bob, 'shape:planted')
  })
})

describe('hostile: client IDs in local mode (no auth: connections own IDs while open)', () => {
  it("another connection's structs at a connection's next clock are refused; after a dropped socket the owner keeps writing", async () => {
    await server.start()
    const victim = server.connect(BOARD)
    const watcher = server.connect(BOARD)
    await Promise.all([victim.synced, watcher.synced])
    await wroteStep(victim, 'victims', 'written first')

    const attacker = server.track(openRawBoardSocket(server.collabUrl, BOARD, ''))
    expect(await attacker.scope).toBe('read-write')
    const state = Y.encodeStateAsUpdate(victim.doc)
    await plantRefused(state, victim.doc.clientID, 'planted', attacker)
    await honestStillWorks(victim, watcher, 'after-local-attack')

    // The victim's socket drops; its provider reconnects on a new connection, same doc, same client ID.
    const clientId = victim.doc.clientID
    victim.provider.configuration.websocketProvider.webSocket?.close()
    await vi.waitFor(() => expect(victim.provider.synced).toBe(false), WAIT)
    await vi.waitFor(() => expect(victim.provider.synced).toBe(true), WAIT)
    await honestStillWorks(victim, watcher, 'after-reconnect')
    expect(victim.doc.clientID).toBe(clientId)
    await neverStored(watcher, 'shape:planted')
  })
})

describe('hostile: updates that depend on content the server does not have', () => {
  it('structs that would stay pending are refused, never stored, logged or broadcast', async () => {
    const { alice, bob } = await aliceAndBob()
    const attacker = await attackerSocket()

    const offline = offlineCopy(alice.doc)
    const updates = recordUpdates(offline)
    writeRecord(offline, step('withheld', 'never sent'))
    // The second update edits the record the first created, and makes it invalid.
    offline.transact(() => {
      const record = offline.getMap('records').get('shape:withheld') as Y.Map<unknown>
      ;(record.get('props') as Y.Map<unknown>).set('status', 42)
    })
    expect(updates).toHaveLength(2)
    attacker.sendUpdate(updates[1]!)
    await refusedWith(attacker, 'missing-dependency')
    await honestStillWorks(alice, bob, 'after-pending-structs')
    await neverStored(bob, 'shape:withheld')
  })

  it('deletes of content the server does not have are refused, never stored, logged or broadcast', async () => {
    const { alice, bob } = await aliceAndBob()
    const attacker = await attackerSocket()

    const offline = offlineCopy(alice.doc)
    const updates = recordUpdates(offline)
    writeRecord(offline, step('withheld', 'never sent'))
    deleteRecord(offline, 'shape:withheld')
    expect(updates).toHaveLength(2)
    expect(Y.parseUpdateMeta(updates[1]!).to.size).toBe(0)
    attacker.sendUpdate(updates[1]!)
    await refusedWith(attacker, 'missing-dependency')
    await honestStillWorks(alice, bob, 'after-pending-deletes')
    await neverStored(bob, 'shape:withheld')
    const history = await server.server.storage.readHistory(BOARD, { afterSeq: 0, limit: 10_000 })
    for (const entry of history) expect(entry.userId).not.toBe('mallory')
  })
})
