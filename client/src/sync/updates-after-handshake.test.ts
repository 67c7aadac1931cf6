import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net'
import { type RefusalMessage, readRecord, writeRecord } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { issueToken, type RunningServer } from '@flowmap/sync-server'
import { useTestServer } from '@flowmap/sync-server/testing/use-test-server'
import { WebSocketStatus } from '@hocuspocus/provider'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { type BoardConnection, connectBoard } from './board-connection.ts'

const SECRET = 'updates-after-handshake-test-secret'
const BOARD = 'offline-board'
const WAIT = { timeout: 20_000 }

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture named as the server tests name it, not a React hook
const testServer = useTestServer({ config: { authSecret: SECRET } })
const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A TCP proxy: `stop` is the network going away, `start` it coming back (same port). */
class NetworkProxy {
  #server: Server | null = null
  readonly #sockets = new Set<Socket>()
  /** client side, server side of each connection */
  readonly #pairs = new Set<[Socket, Socket]>()
  port = 0
  target: number
  constructor(target: number) {
    this.target = target
  }

  async start(): Promise<void> {
    const server = createServer((inbound) => {
      const outbound = tcpConnect(this.target, '127.0.0.1')
      const pair: [Socket, Socket] = [inbound, outbound]
      this.#pairs.add(pair)
      inbound.on('close', () => this.#pairs.delete(pair))
      for (const socket of [inbound, outbound]) {
        this.#sockets.add(socket)
        socket.on('close', () => this.#sockets.delete(socket))
        socket.on('error', () => {
          inbound.destroy()
          outbound.destroy()
        })
      }
      inbound.pipe(outbound).pipe(inbound)
    })
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve))
    const address = server.address()
    if (typeof address === 'object' && address !== null) this.port = address.port
    this.#server = server
  }

  /** The network drops what the client sends, while every connection stays open. */
  blackhole(): void {
    for (const [inbound, outbound] of this.#pairs) {
      inbound.unpipe(outbound)
      inbound.on('data', () => {})
    }
  }

  async stop(): Promise<void> {
    const server = this.#server
    this.#server = null
    for (const socket of this.#sockets) socket.destroy()
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  get collabUrl(): string {
    return `ws://127.0.0.1:${this.port}/collab`
  }
}

async function serve(): Promise<RunningServer> {
  return (await testServer.start()).server
}

async function network(server: RunningServer): Promise<NetworkProxy> {
  const proxy = new NetworkProxy(server.port)
  await proxy.start()
  cleanups.push(() => proxy.stop())
  return proxy
}

interface Client {
  doc: Y.Doc
  connection: BoardConnection
  refusals: RefusalMessage[]
}

async function open(url: string, sub: string, doc = new Y.Doc()): Promise<Client> {
  const token = await issueToken(
    SECRET,
    { sub, name: sub, board: BOARD, role: 'editor' },
    new Date(Date.now() + 600_000),
  )
  const refusals: RefusalMessage[] = []
  const connection = connectBoard({
    url,
    boardId: BOARD,
    token,
    doc,
    maxReconnectDelayMs: 500,
    onStatus: () => {},
    onRefusal: (message) => refusals.push(message),
    onAllAcknowledged: () => {},
    onAuthenticationFailed: (reason) => {
      throw new Error(`authentication failed: ${reason}`)
    },
    onUnreadableRefusal: (reason) => {
      throw new Error(`unreadable refusal: ${reason}`)
    },
  })
  cleanups.push(() => connection.destroy())
  return { doc, connection, refusals }
}

/** Online, handshake done, every local change acknowledged, never refused. */
async function acknowledged(client: Client): Promise<void> {
  await vi.waitFor(() => {
    expect(client.refusals).toEqual([])
    const { provider } = client.connection
    expect(provider.synced).toBe(true)
    expect(provider.unsyncedChanges).toBe(0)
  }, WAIT)
  expect(client.refusals).toEqual([])
}

async function offline(client: Client): Promise<void> {
  await vi.waitFor(() => expect(client.connection.status().state).toBe('offline'), WAIT)
}

const step = (id: string, label: string) => workflowShape('step', { id, props: { label } })

/** The board as the server stored it (history log), so "acknowledged" is checked against the disk. */
async function stored(server: RunningServer): Promise<Y.Doc> {
  const doc = new Y.Doc()
  const history = await server.storage.readHistory(BOARD, { afterSeq: 0, limit: 100_000 })
  Y.applyUpdate(doc, Y.mergeUpdates(history.map((entry) => entry.update)))
  expect(doc.store.pendingStructs).toBeNull()
  expect(doc.store.pendingDs).toBeNull()
  return doc
}

function labelOf(doc: Y.Doc, id: string): unknown {
  return (readRecord(doc, `shape:${id}`) as { props?: { label?: unknown } } | undefined)?.props?.label
}

/** Once online again, an ordinary edit is sent at once, acknowledged and on disk. */
async function liveEditStored(server: RunningServer, client: Client, id: string): Promise<void> {
  const seqBefore = await server.storage.lastSeq(BOARD)
  writeRecord(client.doc, step(id, `live edit ${id}`))
  expect(client.connection.provider.unsyncedChanges).toBeGreaterThan(0)
  await acknowledged(client)
  expect(await server.storage.lastSeq(BOARD)).toBeGreaterThan(seqBefore)
  expect(labelOf(await stored(server), id)).toBe(`live edit ${id}`)
}

/** Edits `id` the moment the socket opens again, before any handshake message is even sent. */
function editOnReconnect(client: Client, id: string, label: string): void {
  const onStatus = ({ status }: { status: WebSocketStatus }) => {
    if (status !== WebSocketStatus.Connected) return
    client.connection.provider.off('status', onStatus)
    writeRecord(client.doc, step(id, label))
  }
  client.connection.provider.on('status', onStatus)
}

/** A server, a network to it the test can cut, and Ada's page on it with `firstEdit` (if any) acknowledged. */
async function adaOnline(firstEdit?: { id: string; label: string }) {
  const server = await serve()
  const net = await network(server)
  const ada = await open(net.collabUrl, 'ada')
  if (firstEdit !== undefined) writeRecord(ada.doc, step(firstEdit.id, firstEdit.label))
  await acknowledged(ada)
  return { server, net, ada }
}

/** The network goes away and the page has noticed. */
async function cutOff(net: NetworkProxy, client: Client): Promise<void> {
  await net.stop()
  await offline(client)
}

describe('updates wait for the handshake: honest offline clients are never refused', {
  timeout: 60_000,
}, () => {
  it('(a) edits made offline (a shape created, then edited) reach the server on reconnect', async () => {
    const { server, net, ada } = await adaOnline({ id: 'before', label: 'online' })

    await cutOff(net, ada)
    writeRecord(ada.doc, step('made-offline', 'created offline'))
    writeRecord(ada.doc, step('made-offline', 'edited offline'))
    expect(ada.connection.status().unsyncedChanges).toBe(2)
    await net.start()

    await acknowledged(ada)
    expect(labelOf(await stored(server), 'made-offline')).toBe('edited offline')
    await liveEditStored(server, ada, 'after-a')
  })

  it('(b) an edit made the instant the socket reopens, of a shape created offline, is not sent ahead of the handshake', async () => {
    const { server, net, ada } = await adaOnline()

    await cutOff(net, ada)
    writeRecord(ada.doc, step('made-offline', 'created offline'))
    editOnReconnect(ada, 'made-offline', 'edited at reconnect')
    await net.start()

    await acknowledged(ada)
    await vi.waitFor(
      async () => expect(labelOf(await stored(server), 'made-offline')).toBe('edited at reconnect'),
      WAIT,
    )
    await liveEditStored(server, ada, 'after-b')
  })

  it('(c) reload while offline: a doc with a new client ID edits a shape the old ID created offline; both go online', async () => {
    const { server, net, ada: tab } = await adaOnline({ id: 'before', label: 'online' })

    await cutOff(net, tab)
    writeRecord(tab.doc, step('made-offline', 'created by the first page'))
    // The reload: the device's copy of the doc, opened in a new Y.Doc (a new client ID).
    const reloaded = new Y.Doc()
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(tab.doc))
    expect(reloaded.clientID).not.toBe(tab.doc.clientID)
    const page = await open(net.collabUrl, 'ada', reloaded)
    writeRecord(reloaded, step('made-offline', 'edited after the reload'))
    editOnReconnect(page, 'made-offline', 'edited again at reconnect')
    await net.start()

    await acknowledged(page)
    await acknowledged(tab)
    const board = await stored(server)
    expect(labelOf(board, 'made-offline')).toBe('edited again at reconnect')
    expect(labelOf(board, 'before')).toBe('online')
    // Both pages keep writing under their own IDs.
    await liveEditStored(server, tab, 'from-first')
    await liveEditStored(server, page, 'from-reloaded')
  })

  it('(c) reload while offline, the old page closed: only the new doc connects, carrying the old ID’s edits', async () => {
    const { server, net, ada: tab } = await adaOnline()
    await cutOff(net, tab)
    writeRecord(tab.doc, step('made-offline', 'created by the first page'))
    const reloaded = new Y.Doc()
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(tab.doc))
    tab.connection.destroy()

    const page = await open(net.collabUrl, 'ada', reloaded)
    writeRecord(reloaded, step('made-offline', 'edited after the reload'))
    await net.start()
    await acknowledged(page)
    expect(labelOf(await stored(server), 'made-offline')).toBe('edited after the reload')
    await liveEditStored(server, page, 'after-c')
  })

  it('(d) a server restart in between: offline edits and an edit at reconnect are accepted under the same client ID', async () => {
    let server = await serve()
    const net = await network(server)
    const ada = await open(net.collabUrl, 'ada')
    const clientId = ada.doc.clientID
    writeRecord(ada.doc, step('before', 'before the restart'))
    await acknowledged(ada)

    await net.stop()
    await server.close()
    await offline(ada)
    writeRecord(ada.doc, step('made-offline', 'created while the server was down'))
    writeRecord(ada.doc, step('before', 'edited while the server was down'))
    server = (await testServer.restart()).server
    net.target = server.port
    editOnReconnect(ada, 'made-offline', 'edited at reconnect')
    await net.start()

    await acknowledged(ada)
    expect(ada.doc.clientID).toBe(clientId)
    const board = await stored(server)
    expect(labelOf(board, 'made-offline')).toBe('edited at reconnect')
    expect(labelOf(board, 'before')).toBe('edited while the server was down')
    await liveEditStored(server, ada, 'after-restart')
    expect(ada.doc.clientID).toBe(clientId)
  })

  it('(e) an edit made while the socket is closing (the edit before it lost with the network) waits for the next handshake', async () => {
    const { server, net, ada } = await adaOnline({ id: 'kept', label: 'online' })

    // The network silently drops this edit, then the page notices the dead socket and closes it; an
    // edit in that very moment meets a closing socket.
    net.blackhole()
    writeRecord(ada.doc, step('lost-on-the-wire', 'sent into the void'))
    const webSocket = ada.connection.provider.configuration.websocketProvider.webSocket
    if (webSocket === null) throw new Error('no socket to close')
    await net.stop()
    webSocket.close()
    writeRecord(ada.doc, step('while-closing', 'edited as the socket closed'))
    await offline(ada)
    await net.start()

    await acknowledged(ada)
    const disk = await stored(server)
    expect(labelOf(disk, 'lost-on-the-wire')).toBe('sent into the void')
    expect(labelOf(disk, 'while-closing')).toBe('edited as the socket closed')
    await liveEditStored(server, ada, 'after-e')
  })

  it('(g) a socket a dead network holds open is dropped at once: offline now, the edit lost on the wire stored on the next connection', async () => {
    const { server, net, ada } = await adaOnline({ id: 'kept', label: 'online' })
    net.blackhole()
    writeRecord(ada.doc, step('lost-on-the-wire', 'sent into the void'))
    // A closing handshake would never be answered here: the drop must not wait for one.
    ada.connection.dropSocket()
    expect(ada.connection.status().state).toBe('offline')

    // The proxy still takes new connections: the provider reconnects by itself and resends.
    await acknowledged(ada)
    expect(labelOf(await stored(server), 'lost-on-the-wire')).toBe('sent into the void')
    await liveEditStored(server, ada, 'after-g')
  })

  it('(f) after offline edits, "all saved" (no unsynced changes) is said only once the server has stored every change', async () => {
    const { server, net, ada } = await adaOnline()
    // Whenever the provider's count reaches 0 (what the status chip shows as saved), the disk must
    // already hold every struct of the local doc. The provider alone says so while the updates it queued
    // offline are still on their way.
    // The local doc is taken as it is when the count reaches 0; the disk is read after, so it can only
    // hold more by then (a late read can hide a too-early "saved", never invent one).
    const saidTooEarly: string[] = []
    const checks: Promise<void>[] = []
    ada.connection.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      if (number !== 0) return
      const held = Y.encodeStateAsUpdate(ada.doc)
      checks.push(
        stored(server).then((disk) => {
          const missing = Y.decodeUpdate(Y.diffUpdate(held, Y.encodeStateVector(disk)))
          if (missing.structs.length > 0)
            saidTooEarly.push(`saved while the disk lacked ${missing.structs.length} structs`)
        }),
      )
    })
    for (const round of [1, 2, 3]) {
      await cutOff(net, ada)
      for (let i = 0; i < 5; i++) writeRecord(ada.doc, step(`offline-${round}-${i}`, `offline ${round}.${i}`))
      await net.start()
      await vi.waitFor(() => expect(ada.connection.provider.synced).toBe(true), WAIT)
      for (let i = 0; i < 3; i++) writeRecord(ada.doc, step(`back-${round}-${i}`, `back ${round}.${i}`))
      await acknowledged(ada)
    }
    await Promise.all(checks)
    expect(checks.length).toBeGreaterThan(0)
    expect(saidTooEarly).toEqual([])
    expect(labelOf(await stored(server), 'offline-3-4')).toBe('offline 3.4')
  })
})
