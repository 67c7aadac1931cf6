/**
 * Hostile floods and the limits that hold them (src/limits/): one socket sending as fast as it can,
 * many sockets from one address or to one board, oversized or multiplied awareness. Each test checks
 * that the server stays up, an honest client on the same board still gets its edit acknowledged, and
 * the offender is slowed, refused or closed with a reason; the defaults let a real workshop in.
 */
import { readRecord, writeRecord, writeRecords } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { describe, expect, it, vi } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { ServerConfig } from '../config.ts'
import type { BoardClient } from '../testing/board-client.ts'
import { openFloodSocket } from '../testing/flood-socket.ts'
import { requestJson } from '../testing/http-client.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const DEADLINE = { timeout: 20_000, interval: 20 }

const server = useTestServer()
async function start(config: Partial<ServerConfig> = {}): Promise<void> {
  await server.start(config)
}

function client(board: string): BoardClient {
  return server.connect(board)
}

function socket(board: string, protocol: 'collab' | 'yjs' = 'collab', headers?: Record<string, string>) {
  const url =
    protocol === 'collab' ? server.collabUrl : `${server.server.url.replace(/^http/, 'ws')}/yjs/${board}`
  const opened = openFloodSocket(url, { board, protocol, ...(headers === undefined ? {} : { headers }) })
  return server.track(opened)
}

/** `count` small valid updates from one writer: a step, then its label changed again and again. */
function floodUpdates(count: number): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (let index = 0; index < count; index++) {
    writeRecord(doc, workflowShape('step', { id: 'flooded', props: { label: `flood ${index}` } }))
  }
  doc.destroy()
  return updates
}

/** An honest edit by `honest`, resolved once the server acknowledged it. */
async function honestEdit(honest: BoardClient, id: string): Promise<void> {
  writeRecord(honest.doc, workflowShape('step', { id, props: { label: `honest ${id}` } }))
  await vi.waitFor(() => expect(honest.provider.hasUnsyncedChanges).toBe(false), DEADLINE)
}

async function storedEntries(board: string): Promise<number> {
  return server.server.storage.lastSeq(board)
}

describe('a socket flooding the server', () => {
  it.each(['collab', 'yjs'] as const)(
    'on /%s is closed with 4429 and the reason once it stays over budget; /healthz and an honest editor keep working',
    async (protocol) => {
      await start({ socketMessagesPerSecond: 100, socketMessageBurst: 50, socketThrottleCloseAfterMs: 1000 })
      const board = 'flooded'
      const honest = client(board)
      const watcher = client(board)
      await Promise.all([honest.synced, watcher.synced])
      const flooder = socket(board, protocol)
      if (protocol === 'collab') await flooder.authenticated
      else await flooder.opened

      const flood = floodUpdates(3000)
      for (const update of flood) flooder.sendUpdate(update)

      const health = await requestJson(`${server.server.url}/healthz`)
      expect(health.status).toBe(200)
      await honestEdit(honest, 'during-flood')
      await vi.waitFor(() => expect(readRecord(watcher.doc, 'shape:during-flood')).toBeDefined(), DEADLINE)

      const closed = await flooder.closed
      expect(closed.code).toBe(4429)
      expect(closed.reason).toMatch(/^flowmap: too many messages: /)
      // Cut off: far from all of the flood was taken (the honest edit is one entry of what is stored).
      expect(await storedEntries(board)).toBeLessThan(flood.length / 2)

      await honestEdit(honest, 'after-flood')
      expect((await requestJson(`${server.server.url}/healthz`)).status).toBe(200)
    },
  )

  it('of awareness is closed with 4429 too; an honest editor keeps working', async () => {
    await start({ socketMessagesPerSecond: 100, socketMessageBurst: 50, socketThrottleCloseAfterMs: 1000 })
    const board = 'presence-flood'
    const honest = client(board)
    await honest.synced
    let furthest = 0
    honest.provider.awareness?.on('change', () => {
      const state = honest.provider.awareness?.getStates().get(31337) as
        | { cursor?: { x: number } }
        | undefined
      furthest = Math.max(furthest, state?.cursor?.x ?? 0)
    })
    const flooder = socket(board)
    await flooder.authenticated
    for (let clock = 1; clock <= 3000; clock++) {
      flooder.sendAwareness([
        { clientId: 31337, clock, state: JSON.stringify({ cursor: { x: clock, y: 0 } }) },
      ])
    }
    await honestEdit(honest, 'during-presence-flood')
    const closed = await flooder.closed
    expect(closed.code).toBe(4429)
    expect(closed.reason).toMatch(/^flowmap: too many messages: /)
    // Relayed while it lasted, but cut off far from its last cursor move.
    expect(furthest).toBeGreaterThan(0)
    expect(furthest).toBeLessThan(1500)
  })

  it('is slowed, not dropped: an honest edit is acknowledged while its backlog waits, then all of it is served', async () => {
    await start({ socketMessagesPerSecond: 200, socketMessageBurst: 50, socketThrottleCloseAfterMs: 60_000 })
    const board = 'slowed'
    const honest = client(board)
    await honest.synced
    const flooder = socket(board)
    await flooder.authenticated

    const flood = floodUpdates(1000)
    for (const update of flood) flooder.sendUpdate(update)
    await vi.waitFor(() => expect(flooder.acknowledged).toBeGreaterThan(0), DEADLINE)

    await honestEdit(honest, 'while-slowed')
    // The honest edit overtook the flooder's backlog: the server is reading the flood at its budget.
    expect(flooder.acknowledged).toBeLessThan(flood.length)

    await vi.waitFor(() => expect(flooder.acknowledged).toBe(flood.length), { ...DEADLINE, interval: 100 })
    // The flooder's acknowledgement can arrive before the broadcast of its last update reaches the honest
    // client (two sockets): wait for it rather than read once.
    await vi.waitFor(
      () => expect(readRecord(honest.doc, 'shape:flooded')).toMatchObject({ props: { label: 'flood 999' } }),
      DEADLINE,
    )
  })
})

describe('an honest client over its byte budget', () => {
  it('is slowed, never closed: pastes beyond the burst, each awaited, are all acknowledged', async () => {
    await start({
      socketBytesPerSecond: 64 * 1024,
      socketByteBurst: 64 * 1024,
      socketThrottleCloseAfterMs: 10_000,
    })
    const board = 'pasting'
    const facilitator = client(board)
    const participant = client(board)
    await Promise.all([facilitator.synced, participant.synced])
    const closes: number[] = []
    facilitator.provider.configuration.websocketProvider.on('close', ({ event }: { event: CloseEvent }) =>
      closes.push(event.code),
    )
    for (let paste = 0; paste < 4; paste++) {
      writeRecords(
        facilitator.doc,
        Array.from({ length: 150 }, (_, index) =>
          workflowShape('step', { id: `paste-${paste}-${index}`, props: { label: `Pasted step ${index}` } }),
        ),
      )
      await vi.waitFor(() => expect(facilitator.provider.hasUnsyncedChanges).toBe(false), DEADLINE)
    }
    await vi.waitFor(() => expect(readRecord(participant.doc, 'shape:paste-3-149')).toBeDefined(), DEADLINE)
    expect(closes).toEqual([])
    expect(facilitator.rejections).toEqual([])
  })
})

describe('the defaults let a real workshop in', () => {
  it('takes a 500-shape template pasted in one update', async () => {
    await start()
    const board = 'workshop'
    const facilitator = client(board)
    const participant = client(board)
    await Promise.all([facilitator.synced, participant.synced])
    const template = Array.from({ length: 500 }, (_, index) =>
      workflowShape('step', {
        id: `template-${index}`,
        x: (index % 25) * 220,
        y: Math.floor(index / 25) * 140,
        props: { label: `Step ${index + 1} of the template, with a label of a realistic length` },
      }),
    )
    writeRecords(facilitator.doc, template)
    await vi.waitFor(() => expect(facilitator.provider.hasUnsyncedChanges).toBe(false), DEADLINE)
    await vi.waitFor(() => expect(readRecord(participant.doc, 'shape:template-499')).toBeDefined(), DEADLINE)
    expect(facilitator.rejections).toEqual([])
  })

  it('accepts 240 sockets from one address at once (60 people behind one NAT, 4 tabs each)', async () => {
    await start()
    const board = 'workshop'
    const tabs = Array.from({ length: 240 }, () => socket(board))
    const scopes = await Promise.all(tabs.map((tab) => tab.authenticated))
    expect(scopes.every((scope) => scope === 'read-write')).toBe(true)
    const honest = client(board)
    await honest.synced
    await honestEdit(honest, 'with-240-tabs')
  })
})

describe('per-address and per-board connection limits', () => {
  it('refuses an address over its open connections with 429 and the reason; other addresses are fine', async () => {
    await start({ maxConnectionsPerAddress: 3, trustProxy: 1 })
    const board = 'crowded'
    const office = { 'x-forwarded-for': '203.0.113.7' }
    const first = [
      socket(board, 'collab', office),
      socket(board, 'collab', office),
      socket(board, 'collab', office),
    ]
    await Promise.all(first.map((tab) => tab.authenticated))

    const fourth = socket(board, 'collab', office)
    const refusal = await fourth.refused
    expect(refusal.status).toBe(429)
    expect(JSON.parse(refusal.body)).toEqual({
      error: 'too-many-connections',
      message: '203.0.113.7 has 3 open connections; at most 3',
    })

    // Another address behind the same proxy; and one of the first three still edits.
    await socket(board, 'collab', { 'x-forwarded-for': '198.51.100.1' }).authenticated
    const update = floodUpdates(1)[0]!
    first[0]!.sendUpdate(update)
    await vi.waitFor(() => expect(first[0]!.acknowledged).toBe(1), DEADLINE)

    // A socket that closes frees its place.
    first[1]!.close()
    await first[1]!.closed
    await vi.waitFor(async () => {
      const again = socket(board, 'collab', office)
      const refusedAgain = again.refused.then(({ body }) => Promise.reject(new Error(body)))
      await expect(Promise.race([again.authenticated, refusedAgain])).resolves.toBe('read-write')
    }, DEADLINE)
  })

  it('refuses an address over its connection attempts with 429 and Retry-After; a forged X-Forwarded-For does not dodge it', async () => {
    await start({ connectionAttemptBurst: 4, connectionAttemptsPerMinute: 1 })
    const board = 'hammered'
    for (let attempt = 0; attempt < 4; attempt++) {
      await socket(board, 'collab', { 'x-forwarded-for': `192.0.2.${attempt}` }).authenticated
    }
    // trustProxy is 0: the header is the client's own claim and is ignored.
    const refusal = await socket(board, 'collab', { 'x-forwarded-for': '192.0.2.99' }).refused
    expect(refusal.status).toBe(429)
    expect(Number(refusal.headers['retry-after'])).toBeGreaterThan(0)
    expect(JSON.parse(refusal.body)).toMatchObject({
      error: 'too-many-connection-attempts',
      message: expect.stringMatching(/at most 4 at once, then 1 a minute/),
    })
  })

  it('refuses a board over its connections with the reason (/collab) or 503 (/yjs); its members and other boards are fine', async () => {
    await start({ maxConnectionsPerBoard: 2 })
    const board = 'full'
    const ada = client(board)
    const bob = client(board)
    await Promise.all([ada.synced, bob.synced])

    const carol = client(board)
    await vi.waitFor(() => expect(carol.authFailures).toHaveLength(1), DEADLINE)
    expect(carol.authFailures[0]).toBe(
      'flowmap: too many connections: board has 2 open connections; at most 2',
    )

    const plain = await socket(board, 'yjs').refused
    expect(plain.status).toBe(503)
    expect(JSON.parse(plain.body)).toEqual({
      error: 'too-many-connections',
      message: 'board full has 2 open connections; at most 2',
    })

    await honestEdit(ada, 'member-edit')
    await vi.waitFor(() => expect(readRecord(bob.doc, 'shape:member-edit')).toBeDefined(), DEADLINE)
    const elsewhere = client('another-board')
    await elsewhere.synced
    await honestEdit(elsewhere, 'elsewhere')
  })
})

describe('awareness limits', () => {
  async function boardWithPeers(board: string) {
    await start()
    const ada = client(board)
    const bob = client(board)
    await Promise.all([ada.synced, bob.synced])
    return { ada, bob }
  }

  /** Ada changes her state and Bob sees it: anything the server relayed before has reached Bob too. */
  async function roundTrip(ada: BoardClient, bob: BoardClient, marker: string): Promise<void> {
    ada.provider.setAwarenessField('marker', marker)
    await vi.waitFor(
      () => expect(bob.provider.awareness?.getStates().get(ada.doc.clientID)).toMatchObject({ marker }),
      DEADLINE,
    )
  }

  it('a normal presence state passes to the other clients', async () => {
    const { ada, bob } = await boardWithPeers('present')
    ada.provider.setAwarenessField('user', { name: 'Ada', color: '#aa3377' })
    await vi.waitFor(
      () =>
        expect(bob.provider.awareness?.getStates().get(ada.doc.clientID)).toMatchObject({
          user: { name: 'Ada' },
        }),
      DEADLINE,
    )
  })

  it("a y-websocket client's echo of its peers' states is not counted as its own clients", async () => {
    const { ada, bob } = await boardWithPeers('echoes')
    const peers = [ada, bob, client('echoes'), client('echoes'), client('echoes'), client('echoes')]
    await Promise.all(peers.map((peer) => peer.synced))
    peers.forEach((peer, index) => {
      peer.provider.setAwarenessField('user', { name: `peer ${index}` })
    })
    const doc = new Y.Doc()
    const plain = new WebsocketProvider(`${server.server.url.replace(/^http/, 'ws')}/yjs`, 'echoes', doc, {
      WebSocketPolyfill: WebSocket,
      disableBc: true,
    })
    const closes: number[] = []
    plain.on('connection-close', (event) => {
      if (event !== null) closes.push(event.code)
    })
    try {
      // It receives all six and, as y-websocket does, sends every change it applied back to the server.
      await vi.waitFor(() => expect(plain.awareness.getStates().size).toBeGreaterThanOrEqual(7), DEADLINE)
      plain.awareness.setLocalStateField('user', { name: 'plain' })
      await vi.waitFor(
        () =>
          expect(ada.provider.awareness?.getStates().get(doc.clientID)).toMatchObject({
            user: { name: 'plain' },
          }),
        DEADLINE,
      )
      await roundTrip(ada, bob, 'after-echoes')
      expect(closes).toEqual([])
      expect(plain.wsconnected).toBe(true)
    } finally {
      plain.destroy()
      doc.destroy()
    }
  })

  it('a 6 MB state is never relayed and its sender is closed with 4413 and the reason', async () => {
    const { ada, bob } = await boardWithPeers('heavy')
    const sender = socket('heavy')
    await sender.authenticated
    const huge = JSON.stringify({ junk: 'x'.repeat(6_000_000) })
    sender.sendAwareness([{ clientId: 424242, clock: 1, state: huge }])

    const closed = await sender.closed
    expect(closed.code).toBe(4413)
    expect(closed.reason).toBe(
      `flowmap: awareness refused: the state of client 424242 is ${huge.length} bytes; at most 65536`,
    )
    await roundTrip(ada, bob, 'after-heavy')
    expect(bob.provider.awareness?.getStates().has(424242)).toBe(false)
    await honestEdit(ada, 'after-heavy')
  })

  it('2,000 clients from one socket are never relayed and the sender is closed with 4413 and the reason', async () => {
    const { ada, bob } = await boardWithPeers('crowd')
    const sender = socket('crowd')
    await sender.authenticated
    const crowd = Array.from({ length: 2000 }, (_, index) => ({
      clientId: 700_000 + index,
      clock: 1,
      state: JSON.stringify({ user: { name: `ghost ${index}` } }),
    }))
    sender.sendAwareness(crowd)

    const closed = await sender.closed
    expect(closed.code).toBe(4413)
    expect(closed.reason).toBe(
      'flowmap: awareness refused: this connection registers more than 4 awareness clients',
    )
    await roundTrip(ada, bob, 'after-crowd')
    const seen = [...(bob.provider.awareness?.getStates().keys() ?? [])]
    expect(seen.filter((clientId) => clientId >= 700_000 && clientId < 702_000)).toEqual([])
    await honestEdit(ada, 'after-crowd')
  })
})
