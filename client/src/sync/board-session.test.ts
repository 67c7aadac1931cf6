/**
 * A board's whole life against the real Flowmap server (in-process, port 0, SQLite in a temp dir) and
 * real providers, with y-dexie on fake-indexeddb standing in for the browser's IndexedDB.
 */
import 'fake-indexeddb/auto'
import { FLOWMAP_PROTOCOL_VERSION, readRecord, readRecords, writeRecords } from '@flowmap/shared'
import { startFlowmapServer } from '@flowmap/sync-server'
import { makeFullDisk } from '@flowmap/sync-server/testing/full-disk'
import { useTestServer } from '@flowmap/sync-server/testing/use-test-server'
import type { TLShape, TLShapeId, TLStore } from 'tldraw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { type BoardDatabase, boardUpdatesTableName, createBoardDatabase } from '../storage/board-database.ts'
import { boardStore, pageRecords, stepRecord } from './board-records.test-support.ts'
import { BoardSession } from './board-session.ts'
import type { PendingChangesStore } from './pending-changes.ts'

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture named as the server tests name it, not a React hook
const testServer = useTestServer()
const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

let databaseCounter = 0
function deviceName(): string {
  databaseCounter += 1
  return `flowmap-session-test-${databaseCounter}-${Date.now()}`
}

function openSession(
  collabUrl: string,
  boardId: string,
  device: string | null,
  store: TLStore = boardStore(),
  pendingChangesStore: PendingChangesStore | null = null,
): { session: BoardSession; store: TLStore; rejected: string[]; database: BoardDatabase | null } {
  const rejected: string[] = []
  const database = device ? createBoardDatabase(device) : null
  const session = new BoardSession({
    boardId,
    token: null,
    store,
    collabUrl,
    database,
    onRejectedRecord: (message) => rejected.push(message),
    pendingChangesStore,
  })
  cleanups.push(() => session.destroy())
  return { session, store, rejected, database }
}

/**
 * Resolves once the device holds every change of the session's doc, as a reload would read it: y-dexie
 * writes its update rows asynchronously, after the edit.
 */
async function storedOnDevice(
  opened: { session: BoardSession; database: BoardDatabase | null },
  boardId: string,
): Promise<void> {
  const database = opened.database
  if (database === null) throw new Error('this session keeps nothing on a device')
  const expected = Y.encodeStateVector(opened.session.getState().doc as Y.Doc)
  await vi.waitFor(
    async () => {
      const rows = await database.table(boardUpdatesTableName(database)).where('k').equals(boardId).toArray()
      const stored = new Y.Doc()
      for (const row of rows) Y.applyUpdateV2(stored, (row as { u: Uint8Array }).u)
      expect(Y.encodeStateVector(stored)).toEqual(expected)
    },
    { timeout: 10_000, interval: 20 },
  )
}

async function online(session: BoardSession): Promise<void> {
  await vi.waitFor(() => expect(session.getState().status).toEqual({ state: 'online', unsyncedChanges: 0 }), {
    timeout: 10_000,
  })
}

/** A session on a device that synced step s1, after which the server went away. */
async function stepSyncedThenServerGone(boardId: string, pendingStore: PendingChangesStore | null = null) {
  const server = await testServer.start()
  const device = deviceName()
  const first = openSession(server.collabUrl, boardId, device, boardStore(), pendingStore)
  await first.session.start()
  await online(first.session)
  first.store.put([...pageRecords(), stepRecord('s1', { label: 'Draft' })])
  flush(first.store)
  await online(first.session)
  await server.server.close()
  await vi.waitFor(() => expect(first.session.getState().status.state).not.toBe('online'))
  return { device, first }
}

function shape(store: TLStore, id: string): TLShape | undefined {
  return store.get(`shape:${id}` as TLShapeId) as TLShape | undefined
}

function flush(store: TLStore): void {
  store._flushHistory()
}

describe('board session', () => {
  it('resets after a refusal, keeping the other unacknowledged changes and syncing on', async () => {
    const { collabUrl } = await testServer.start()
    const alice = openSession(collabUrl, 'refusal', deviceName())
    await alice.session.start()
    await online(alice.session)
    alice.store.put([...pageRecords(), stepRecord('a', { label: 'Receive invoice' }), stepRecord('b')])
    flush(alice.store)
    await online(alice.session)
    const firstDoc = alice.session.getState().doc as Y.Doc

    // A malformed record forced into the doc (as a buggy client would), between two valid edits sent
    // right after it: the server refuses the malformed one and drops what follows on that connection.
    alice.store.update('shape:a' as TLShapeId, (r) => ({ ...r, x: 240 }))
    flush(alice.store)
    const hostile = new Y.Doc()
    Y.applyUpdate(hostile, Y.encodeStateAsUpdate(firstDoc))
    writeRecords(hostile, [stepRecord('bad', { status: 42 })])
    alice.session.forceRawUpdate(Y.encodeStateAsUpdate(hostile, Y.encodeStateVector(firstDoc)))
    alice.store.update(
      'shape:b' as TLShapeId,
      (r) => ({ ...r, props: { ...(r as TLShape).props, label: 'Pay' } }) as TLShape,
    )
    flush(alice.store)

    await vi.waitFor(() => expect(alice.session.getState().refusal).not.toBeNull(), { timeout: 10_000 })
    const { refusal, doc } = alice.session.getState()
    expect(refusal?.recordId).toBe('shape:bad')
    expect(refusal?.reason).toMatch(/status/)
    expect(refusal?.rolledBack).toEqual(['shape:bad'])
    expect(alice.rejected.some((message) => message.includes('shape:bad'))).toBe(true)
    expect(doc).not.toBe(firstDoc)
    expect(doc?.clientID).not.toBe(firstDoc.clientID)
    await online(alice.session)

    // Alice's valid edits survived, the malformed record is gone, and the board keeps syncing.
    expect(shape(alice.store, 'a')).toMatchObject({ x: 240 })
    expect(shape(alice.store, 'b')?.props).toMatchObject({ label: 'Pay' })
    expect(shape(alice.store, 'bad')).toBeUndefined()
    alice.store.update('shape:a' as TLShapeId, (r) => ({ ...r, y: 60 }))
    flush(alice.store)

    const bob = openSession(collabUrl, 'refusal', null)
    await bob.session.start()
    await online(bob.session)
    await vi.waitFor(() => expect(shape(bob.store, 'a')).toMatchObject({ x: 240, y: 60 }), {
      timeout: 10_000,
    })
    expect(shape(bob.store, 'b')?.props).toMatchObject({ label: 'Pay' })
    expect(readRecord(bob.session.getState().doc as Y.Doc, 'shape:bad')).toBeUndefined()

    alice.session.dismissRefusal()
    expect(alice.session.getState().refusal).toBeNull()
  })

  it('opens a board from the device before connecting, and sends offline edits when the socket returns', async () => {
    // The server goes away; edits keep landing on the device.
    const { device, first } = await stepSyncedThenServerGone('offline')
    first.store.update(
      'shape:s1' as TLShapeId,
      (r) => ({ ...r, props: { ...(r as TLShape).props, label: 'Final' } }) as TLShape,
    )
    first.store.put([stepRecord('s2', { label: 'Made offline' })])
    flush(first.store)
    expect(first.session.getState().status.unsyncedChanges).toBeGreaterThan(0)
    await storedOnDevice(first, 'offline')
    first.session.destroy()

    // Reload with no server: the board comes from the device.
    const restarted = await testServer.restart()
    const reloaded = openSession(restarted.collabUrl, 'offline', device)
    await reloaded.session.start()
    expect(reloaded.session.getState().load).toEqual({ state: 'ready' })
    expect(shape(reloaded.store, 's1')?.props).toMatchObject({ label: 'Final' })
    expect(shape(reloaded.store, 's2')?.props).toMatchObject({ label: 'Made offline' })

    await online(reloaded.session)
    const other = openSession(restarted.collabUrl, 'offline', null)
    await other.session.start()
    await online(other.session)
    const records = readRecords(other.session.getState().doc as Y.Doc)
    expect(records.find((r) => r.id === 'shape:s1')).toMatchObject({ props: { label: 'Final' } })
    expect(records.find((r) => r.id === 'shape:s2')).toMatchObject({ props: { label: 'Made offline' } })
  })

  it('the chip counts the records a person changed, not the updates sent, and the count survives a reload', async () => {
    const kept = new Map<string, readonly string[]>()
    const pendingStore: PendingChangesStore = {
      load: (boardId) => kept.get(boardId) ?? [],
      save: (boardId, ids) => void kept.set(boardId, ids),
    }
    const { device, first } = await stepSyncedThenServerGone('counted', pendingStore)
    // Three actions: a label typed key by key (20 updates), one step added, one moved in 10 steps.
    for (let typed = 1; typed <= 20; typed++) {
      first.store.update(
        'shape:s1' as TLShapeId,
        (r) => ({ ...r, props: { ...(r as TLShape).props, label: 'Final'.padEnd(typed, '!') } }) as TLShape,
      )
      flush(first.store)
    }
    first.store.put([stepRecord('s2', { label: 'Made offline' })])
    flush(first.store)
    for (let step = 1; step <= 10; step++) {
      first.store.update('shape:s2' as TLShapeId, (r) => ({ ...r, x: step * 10 }) as TLShape)
      flush(first.store)
    }
    expect(first.session.getState().status).toEqual({ state: 'offline', unsyncedChanges: 2 })
    await storedOnDevice(first, 'counted')
    first.session.destroy()

    // Reloaded with no server: the device still says two changes wait.
    const restarted = await testServer.restart()
    const reloaded = openSession(restarted.collabUrl, 'counted', device, boardStore(), pendingStore)
    expect(reloaded.session.getState().status.unsyncedChanges).toBe(2)
    await reloaded.session.start()
    await online(reloaded.session)
    expect(kept.get('counted'), 'acknowledged: nothing is kept any more').toEqual([])
  })

  it('offline changes too large for one message are sent again in parts and reach everyone; a record too large even alone is rolled back, named', async () => {
    const LIMIT = 64 * 1024
    const server = await testServer.start({ maxMessageBytes: LIMIT })
    const device = deviceName()
    const first = openSession(server.collabUrl, 'big', device)
    await first.session.start()
    await online(first.session)
    first.store.put(pageRecords())
    flush(first.store)
    await online(first.session)

    // Offline, a long session: 40 steps of 4 KB (160 KB together, over twice the limit: the server's
    // WebSocket cuts such a frame off unread) and one step of 70 KB (over the limit on its own).
    await server.server.close()
    await vi.waitFor(() => expect(first.session.getState().status.state).not.toBe('online'))
    const steps = Array.from({ length: 40 }, (_, i) =>
      stepRecord(`s${i}`, { label: `Step ${i}`, description: 'd'.repeat(4000) }),
    )
    first.store.put([...steps, stepRecord('huge', { label: 'Huge', description: 'h'.repeat(70_000) })])
    flush(first.store)
    await storedOnDevice(first, 'big')
    first.session.destroy()

    // Back online (the same server, restarted): the device's board connects, is refused for size,
    // and sends its changes again in parts.
    const restarted = await testServer.restart()
    const reloaded = openSession(restarted.collabUrl, 'big', device)
    await reloaded.session.start()
    await vi.waitFor(() => expect(reloaded.session.getState().refusal).not.toBeNull(), { timeout: 20_000 })
    await online(reloaded.session)
    const refusal = reloaded.session.getState().refusal!
    expect(refusal.resentInParts).toBeGreaterThan(1)
    expect(refusal.rolledBack).toEqual(['shape:huge'])
    // Kept on this device, except the one that cannot be sent.
    expect(shape(reloaded.store, 's39')?.props).toMatchObject({ label: 'Step 39' })
    expect(shape(reloaded.store, 'huge')).toBeUndefined()

    // Everyone else gets all forty.
    const other = openSession(restarted.collabUrl, 'big', null)
    await other.session.start()
    await online(other.session)
    const labels = readRecords(other.session.getState().doc as Y.Doc)
      .filter((record) => record.typeName === 'shape')
      .map((record) => (record as TLShape).props as { label: string })
      .map((props) => props.label)
    expect(labels.sort()).toEqual(
      steps.map((step) => (step as TLShape & { props: { label: string } }).props.label).sort(),
    )
  })

  it("keeps every change the server could not store, shows why, retries with growing waits, and sends them once the server's disk has room", async () => {
    const disk = makeFullDisk()
    cleanups.push(() => disk.dispose())
    console.info(`board session: full disk made by ${disk.mechanism}`)
    const server = await startFlowmapServer({
      port: 0,
      dataDir: disk.dataDir,
      sqliteMaxPages: disk.sqliteMaxPages,
      logLevel: 'silent',
      clientDir: null,
    })
    cleanups.push(() => server.close())
    const collabUrl = `${server.url.replace(/^http/, 'ws')}/collab`
    const store = boardStore()
    const session = new BoardSession({
      boardId: 'full-disk',
      token: null,
      store,
      collabUrl,
      database: createBoardDatabase(deviceName()),
      storageRetryDelays: { firstMs: 200, maxMs: 800 },
    })
    cleanups.push(() => session.destroy())
    // One entry per storage refusal (each is a new refusal object): the wait it announced.
    const retryWaits: number[] = []
    let lastRefusal: unknown = null
    session.subscribe(() => {
      const { refusal } = session.getState()
      if (refusal === lastRefusal) return
      lastRefusal = refusal
      if (refusal?.retryInMs !== undefined) retryWaits.push(refusal.retryInMs)
    })
    await session.start()
    await online(session)
    store.put([...pageRecords(), stepRecord('stored', { label: 'Stored' })])
    flush(store)
    await online(session)

    disk.fill()
    // Room left inside the database files may take a few edits; the first that does not fit is refused.
    const made: string[] = []
    for (let i = 0; session.getState().refusal === null; i++) {
      if (i >= 500) throw new Error('500 edits on a full disk were all acknowledged')
      store.put([stepRecord(`full-${i}`, { label: `Made while full ${i}` })])
      flush(store)
      made.push(`full-${i}`)
      await vi.waitFor(
        () => {
          const state = session.getState()
          expect(state.refusal !== null || state.status.state === 'online').toBe(true)
          expect(state.status.unsyncedChanges === 0 || state.refusal !== null).toBe(true)
        },
        { timeout: 20_000 },
      )
    }
    const refusal = session.getState().refusal!
    expect(refusal.reason).toMatch(/could not store this change \(its disk is full\)/)
    expect(refusal.rolledBack).toEqual([])
    // Waits grow with each refusal in a row (no tight loop against a failing server), up to the ceiling.
    await vi.waitFor(() => expect(retryWaits.length).toBeGreaterThanOrEqual(3), { timeout: 20_000 })
    expect(retryWaits[1]!).toBeGreaterThanOrEqual(retryWaits[0]!)
    expect(retryWaits[2]!).toBeGreaterThanOrEqual(retryWaits[1]!)
    expect(Math.max(...retryWaits)).toBeLessThanOrEqual(800)
    // Nothing was rolled back on the device meanwhile, and edits keep landing.
    for (const id of made) expect(shape(store, id)).toBeDefined()
    store.put([stepRecord('while-waiting', { label: 'Made while waiting' })])
    flush(store)

    disk.free()
    await online(session)
    await vi.waitFor(() => expect(session.getState().refusal).toBeNull(), { timeout: 20_000 })
    const other = openSession(collabUrl, 'full-disk', null)
    await other.session.start()
    await online(other.session)
    const ids = readRecords(other.session.getState().doc as Y.Doc).map((record) => record.id)
    for (const id of ['stored', ...made, 'while-waiting']) expect(ids).toContain(`shape:${id}`)
  }, 60_000)

  it('shows a storage failure and keeps the board working in memory', async () => {
    const { collabUrl } = await testServer.start()
    const database = createBoardDatabase(deviceName())
    database.close()
    const session = new BoardSession({
      boardId: 'no-storage',
      token: null,
      store: boardStore(),
      collabUrl,
      database,
    })
    cleanups.push(() => session.destroy())
    await session.start()
    expect(session.getState().storageError).toMatch(/Local storage was closed/)
    expect(session.getState().load).toEqual({ state: 'ready' })
    await online(session)
  })

  it('a refusal in a protocol version this page does not speak stops syncing and asks for a reload, rolling nothing back', async () => {
    const { collabUrl, server } = await testServer.start()
    const alice = openSession(collabUrl, 'newer-server', deviceName())
    await alice.session.start()
    await online(alice.session)
    alice.store.put([...pageRecords(), stepRecord('a', { label: 'Kept' })])
    flush(alice.store)
    await online(alice.session)

    // What a server of a later protocol could send: a refusal whose fields this build cannot trust.
    const board = server.hocuspocus.documents.get('newer-server')
    expect(board).toBeDefined()
    board?.broadcastStateless(
      JSON.stringify({
        type: 'rejected',
        version: FLOWMAP_PROTOCOL_VERSION + 1,
        code: 'quota-exceeded',
        reason: 'over quota',
        recordId: 'shape:a',
      }),
    )

    await vi.waitFor(
      () =>
        expect(alice.session.getState().connectionProblem).toMatch(
          /protocol version 2, this end speaks version 1.*Reload the page/,
        ),
      { timeout: 10_000 },
    )
    const state = alice.session.getState()
    expect(state.refusal).toBeNull()
    expect(state.provider).toBeNull()
    expect(state.status.state).toBe('offline')
    expect(state.doc).not.toBeNull()
    expect(shape(alice.store, 'a')?.props).toMatchObject({ label: 'Kept' })
    expect(readRecord(state.doc as Y.Doc, 'shape:a')).toBeDefined()
  })
})
