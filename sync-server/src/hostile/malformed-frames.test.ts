/**
 * Hostile input: frames that are not messages of the socket's protocol, on both endpoints. Each one
 * must close that one socket with 4400 (malformed message) while the server stays up, an honest
 * provider on the same board keeps getting its edits acknowledged, and nothing reaches storage or
 * another client.
 */

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readRecords, writeRecord } from '@flowmap/shared'
import { seededRandom, workflowShape } from '@flowmap/shared/testing'
import { AuthMessageType } from '@hocuspocus/common'
import { MessageType } from '@hocuspocus/server'
import * as encoding from 'lib0/encoding'
import { beforeAll, describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { FLOWMAP_CLOSE } from '../protocol/close-codes.ts'
import { type BoardClient, connectBoard } from '../testing/board-client.ts'
import { spawnServerProcess } from '../testing/server-process.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { type TestServerFixture, useTestServer } from '../testing/use-test-server.ts'

const MALFORMED = FLOWMAP_CLOSE.malformedMessage.code
const BOARD = 'hostile-frames'
const DEADLINE = 15_000

// Message types are Hocuspocus's (y-websocket numbers sync, awareness and auth the same way); the
// sync sub-types are y-protocols'.

type Frame = Uint8Array | string

function bytes(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** A real update that adds a step, cut short: its length prefix below says all of it follows. */
function truncatedRealUpdate(): Uint8Array {
  const doc = new Y.Doc()
  writeRecord(doc, workflowShape('step', { id: 'cut', props: { label: 'cut short' } }))
  const update = Y.encodeStateAsUpdate(doc)
  return update.subarray(0, Math.floor(update.byteLength / 2))
}

/** The body after the message type, shared by both framings. */
const BODIES = {
  truncatedUpdate: bytes((e) => {
    encoding.writeVarUint(e, syncProtocol.messageYjsUpdate)
    encoding.writeVarUint(e, 100) // claims 100 bytes
    encoding.writeUint8Array(e, new Uint8Array([1, 2, 3]))
  }),
  garbageUpdate: bytes((e) => {
    encoding.writeVarUint(e, syncProtocol.messageYjsUpdate)
    encoding.writeVarUint8Array(e, truncatedRealUpdate())
  }),
  garbageStateVector: bytes((e) => {
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1)
    encoding.writeVarUint8Array(e, new Uint8Array([5, 1]))
  }),
  garbageAwareness: bytes((e) => {
    const update = bytes((inner) => {
      encoding.writeVarUint(inner, 1)
      encoding.writeVarUint(inner, 42)
      encoding.writeVarUint(inner, 1)
      encoding.writeVarString(inner, '{"user": not json')
    })
    encoding.writeVarUint8Array(e, update)
  }),
  truncatedAwarenessState: bytes((e) => {
    encoding.writeVarUint8Array(e, new Uint8Array([1, 42, 1, 50, 0x7b]))
  }),
}

function collab(board: string, type: number, body: Uint8Array = new Uint8Array()): Uint8Array {
  return bytes((e) => {
    encoding.writeVarString(e, board)
    encoding.writeVarUint(e, type)
    encoding.writeUint8Array(e, body)
  })
}

function yWebsocket(type: number, body: Uint8Array = new Uint8Array()): Uint8Array {
  return bytes((e) => {
    encoding.writeVarUint(e, type)
    encoding.writeUint8Array(e, body)
  })
}

const COMMON_FRAMES: Record<string, Frame> = {
  'an empty binary frame': new Uint8Array(),
  'the single byte 0xff': new Uint8Array([0xff]),
  'a text frame': 'hello',
  'a truncated varString': new Uint8Array([0x10, 0x61, 0x62]),
}

const COLLAB_FRAMES: Record<string, Frame> = {
  ...COMMON_FRAMES,
  'an unknown message type for a valid board': collab(BOARD, 99),
  'a server-only message type (SyncStatus)': collab(BOARD, MessageType.SyncStatus, new Uint8Array([1])),
  'BroadcastStateless from a client': collab(
    BOARD,
    MessageType.BroadcastStateless,
    bytes((e) => encoding.writeVarString(e, 'x')),
  ),
  'a sync message with a truncated update': collab(BOARD, MessageType.Sync, BODIES.truncatedUpdate),
  'a sync message with a garbage update': collab(BOARD, MessageType.Sync, BODIES.garbageUpdate),
  'a sync step 1 with a garbage state vector': collab(BOARD, MessageType.Sync, BODIES.garbageStateVector),
  'garbage awareness': collab(BOARD, MessageType.Awareness, BODIES.garbageAwareness),
  'an awareness state cut short': collab(BOARD, MessageType.Awareness, BODIES.truncatedAwarenessState),
  'garbage auth (unknown auth type)': collab(BOARD, MessageType.Auth, new Uint8Array([7])),
  'garbage auth (token cut short)': collab(
    BOARD,
    MessageType.Auth,
    new Uint8Array([AuthMessageType.Token, 40, 0x61]),
  ),
  'a message for a board this socket never authenticated for': collab(
    'some-other-board',
    MessageType.Sync,
    bytes((e) => {
      encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1)
      encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()))
    }),
  ),
  'a 1 MB document name': collab('x'.repeat(1024 * 1024), MessageType.Sync, BODIES.garbageStateVector),
  'trailing bytes after a valid message': collab(BOARD, 3, new Uint8Array([0, 0, 0])),
}

const Y_WEBSOCKET_FRAMES: Record<string, Frame> = {
  ...COMMON_FRAMES,
  'an unknown message type': yWebsocket(99),
  'an auth message (the bridge authenticates from the URL)': yWebsocket(
    MessageType.Auth,
    new Uint8Array([AuthMessageType.Token, 0]),
  ),
  'a sync message with a truncated update': yWebsocket(MessageType.Sync, BODIES.truncatedUpdate),
  'a sync message with a garbage update': yWebsocket(MessageType.Sync, BODIES.garbageUpdate),
  'a sync step 1 with a garbage state vector': yWebsocket(MessageType.Sync, BODIES.garbageStateVector),
  'garbage awareness': yWebsocket(MessageType.Awareness, BODIES.garbageAwareness),
  'an awareness state cut short': yWebsocket(MessageType.Awareness, BODIES.truncatedAwarenessState),
  'a Hocuspocus-framed message (document name first)': collab(
    BOARD,
    MessageType.Sync,
    BODIES.garbageStateVector,
  ),
}

interface Probe {
  ws: WebSocket
  opened: Promise<void>
  closed: Promise<number>
  /** resolves once the server has answered an Auth message with "authenticated" (Hocuspocus framing) */
  authenticated: Promise<void>
  /** how many sync messages the server has sent (Hocuspocus framing) */
  syncMessages(): number
}

function openProbe(url: string): Probe {
  const ws = new WebSocket(url)
  ws.binaryType = 'arraybuffer'
  let syncs = 0
  let onAuthenticated: () => void = () => {}
  const authenticated = new Promise<void>((resolve) => {
    onAuthenticated = resolve
  })
  ws.addEventListener('message', (event) => {
    const data = new Uint8Array(event.data as ArrayBuffer)
    // [varString address][Auth][Authenticated]: the address is short, so its length is one byte.
    const type = data[1 + (data[0] ?? 0)]
    if (type === MessageType.Auth && data[2 + (data[0] ?? 0)] === 2) onAuthenticated()
    if (type === MessageType.Sync) syncs++
  })
  return {
    ws,
    opened: new Promise((resolve) => ws.addEventListener('open', () => resolve())),
    closed: new Promise((resolve) => ws.addEventListener('close', (event) => resolve(event.code))),
    authenticated,
    syncMessages: () => syncs,
  }
}

function send(ws: WebSocket, frame: Frame): void {
  ws.send(typeof frame === 'string' ? frame : (frame as Uint8Array<ArrayBuffer>))
}

function authFrame(board: string, token: string): Uint8Array {
  return collab(
    board,
    MessageType.Auth,
    bytes((e) => {
      encoding.writeVarUint(e, AuthMessageType.Token)
      encoding.writeVarString(e, token)
    }),
  )
}

function withDeadline<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${DEADLINE} ms`)), DEADLINE)
  })
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer))
}

/** Sends `frame` on /collab, first authenticating with `token` when given; answers the close code. */
async function collabCloseCode(
  server: TestServerFixture,
  frame: Frame,
  token: string | null,
): Promise<number> {
  const probe = openProbe(server.collabUrl)
  await withDeadline(probe.opened, 'open')
  if (token !== null) {
    send(probe.ws, authFrame(BOARD, token))
    await withDeadline(probe.authenticated, 'authentication')
  }
  send(probe.ws, frame)
  return withDeadline(probe.closed, 'close')
}

function yWebsocketUrl(server: TestServerFixture, token: string | null): string {
  const base = `${server.server.url.replace(/^http/, 'ws')}/yjs/${BOARD}`
  return token === null ? base : `${base}?token=${encodeURIComponent(token)}`
}

async function yWebsocketCloseCode(
  server: TestServerFixture,
  frame: Frame,
  token: string | null,
): Promise<number> {
  const probe = openProbe(yWebsocketUrl(server, token))
  await withDeadline(probe.opened, 'open')
  send(probe.ws, frame)
  return withDeadline(probe.closed, 'close')
}

interface Honest {
  edits: number
  observer: BoardClient
}

/** An honest provider on BOARD makes one edit and the server acknowledges it. */
async function honestEditIsAcknowledged(
  server: TestServerFixture,
  honest: Honest,
  token: string,
): Promise<void> {
  const client = connectBoard(server.collabUrl, BOARD, { token })
  try {
    await withDeadline(client.synced, 'sync')
    honest.edits++
    writeRecord(client.doc, workflowShape('step', { id: `honest-${honest.edits}`, props: { label: 'fine' } }))
    await withDeadline(client.acknowledged(), 'acknowledgement')
  } finally {
    client.destroy()
  }
}

async function expectServerUnharmed(server: TestServerFixture, honest: Honest, token: string): Promise<void> {
  expect((await fetch(`${server.server.url}/healthz`)).status).toBe(200)
  await honestEditIsAcknowledged(server, honest, token)
  const stored = await server.server.storage.readHistory(BOARD, { afterSeq: 0, limit: 10_000 })
  expect(stored).toHaveLength(honest.edits)
  const expected = Array.from({ length: honest.edits }, (_, i) => `shape:honest-${i + 1}`)
  await expect
    .poll(
      () =>
        readRecords(honest.observer.doc)
          .map((record) => record.id)
          .sort(),
      { timeout: DEADLINE },
    )
    .toEqual(expected.sort())
}

/** A frame of random bytes; half of them start like a real message so they get past the first byte. */
function randomFrame(random: () => number, prefix: Uint8Array): Uint8Array {
  const length = Math.floor(random() * 48)
  const tail = Uint8Array.from({ length }, () => Math.floor(random() * 256))
  if (random() < 0.5) return tail
  const framed = new Uint8Array(prefix.byteLength + tail.byteLength + 1)
  framed.set(prefix)
  // a message type the endpoint knows, so the body decoders are what is exercised
  framed[prefix.byteLength] = Math.floor(random() * 6)
  framed.set(tail, prefix.byteLength + 1)
  return framed
}

function fuzzSeed(): number {
  const fromEnv = Number(process.env.FRAME_FUZZ_SEED)
  return Number.isInteger(fromEnv) ? fromEnv : 20261201
}

describe.each([
  { mode: 'tokens required', authSecret: TEST_SECRET },
  { mode: 'local mode', authSecret: null },
])('malformed frames ($mode)', ({ authSecret }) => {
  const server = useTestServer({ per: 'suite', config: { authSecret } })
  let editorToken: string
  let attackerToken: string
  const honest = {} as Honest

  beforeAll(async () => {
    const options = { secret: authSecret ?? '', expiresInMs: 10 * 60_000 }
    editorToken =
      authSecret === null
        ? ''
        : await testToken({ sub: 'honest', name: 'Honest', board: BOARD, role: 'editor' }, options)
    attackerToken =
      authSecret === null
        ? ''
        : await testToken({ sub: 'attacker', name: 'A', board: BOARD, role: 'editor' }, options)
    honest.edits = 0
    honest.observer = server.connect(BOARD, { token: editorToken })
    await withDeadline(honest.observer.synced, 'observer sync')
  })

  const tokenModes = authSecret === null ? ['no token'] : ['no token', 'a valid token']

  describe.each(tokenModes)('/collab with %s', (tokenMode) => {
    it.each(Object.entries(COLLAB_FRAMES))('%s closes that socket with 4400', async (_, frame) => {
      const token = tokenMode === 'no token' ? null : attackerToken
      expect(await collabCloseCode(server, frame, token)).toBe(MALFORMED)
      await expectServerUnharmed(server, honest, editorToken)
    })
  })

  describe.each(tokenModes)('/yjs/<board> with %s', (tokenMode) => {
    // With tokens required and none given, the bridge's own refusal of the missing token (4401) races
    // the frame; either close is right, as long as the frame harms nothing.
    const refusedFirst = authSecret !== null && tokenMode === 'no token'
    it.each(Object.entries(Y_WEBSOCKET_FRAMES))(
      refusedFirst
        ? '%s closes that socket with 4400 (or 4401 for the missing token)'
        : '%s closes that socket with 4400',
      async (_, frame) => {
        const token = tokenMode === 'no token' ? null : attackerToken
        const code = await yWebsocketCloseCode(server, frame, token)
        if (refusedFirst) expect([MALFORMED, FLOWMAP_CLOSE.permissionDenied.code]).toContain(code)
        else expect(code).toBe(MALFORMED)
        await expectServerUnharmed(server, honest, editorToken)
      },
    )
  })

  it('accepts the odd frames honest providers do send (Pong, CLOSE of a board never opened, stateless)', async () => {
    const probe = openProbe(server.collabUrl)
    await withDeadline(probe.opened, 'open')
    send(probe.ws, authFrame(BOARD, attackerToken))
    await withDeadline(probe.authenticated, 'authentication')
    send(probe.ws, new Uint8Array([10])) // Pong
    send(probe.ws, collab('never-opened', 7)) // CLOSE
    send(
      probe.ws,
      collab(
        BOARD,
        5,
        bytes((e) => encoding.writeVarString(e, 'hello')),
      ),
    ) // Stateless
    send(probe.ws, collab(BOARD, 3)) // QueryAwareness
    // A sync step 1 after them is answered only if the socket read every frame before it and stayed open.
    const syncsBefore = probe.syncMessages()
    send(
      probe.ws,
      collab(
        BOARD,
        MessageType.Sync,
        bytes((e) => {
          encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1)
          encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()))
        }),
      ),
    )
    await expect.poll(() => probe.syncMessages(), { timeout: DEADLINE }).toBeGreaterThan(syncsBefore)
    expect(probe.ws.readyState).toBe(WebSocket.OPEN)
    probe.ws.close()
    await expectServerUnharmed(server, honest, editorToken)
  })

  it('survives 200 seeded random frames per endpoint (seed printed on failure)', async () => {
    const seed = fuzzSeed()
    const random = seededRandom(seed)
    const collabPrefix = bytes((e) => encoding.writeVarString(e, BOARD))
    try {
      for (let i = 0; i < 200; i++) {
        const frame = randomFrame(random, collabPrefix)
        const probe = openProbe(server.collabUrl)
        await withDeadline(probe.opened, 'open')
        send(probe.ws, authFrame(BOARD, attackerToken))
        await withDeadline(probe.authenticated, 'authentication')
        send(probe.ws, frame)
        // A frame that happened to be a valid message is followed by one that is certainly not.
        send(probe.ws, new Uint8Array([0xff]))
        const code = await withDeadline(probe.closed, 'close')
        expect(code, `collab frame ${i}: ${Buffer.from(frame).toString('hex')}`).toBe(MALFORMED)
      }
      for (let i = 0; i < 200; i++) {
        const frame = randomFrame(random, new Uint8Array())
        const probe = openProbe(yWebsocketUrl(server, authSecret === null ? null : attackerToken))
        await withDeadline(probe.opened, 'open')
        send(probe.ws, frame)
        send(probe.ws, new Uint8Array([0xff]))
        const code = await withDeadline(probe.closed, 'close')
        // 4422: a frame that decoded as an update the validation then refused
        expect([MALFORMED, FLOWMAP_CLOSE.updateRefused.code], `y-websocket frame ${i}`).toContain(code)
      }
      await expectServerUnharmed(server, honest, editorToken)
    } catch (error) {
      console.error(`malformed-frames random round failed with FRAME_FUZZ_SEED=${seed}`)
      throw error
    }
  }, 120_000)
})

describe('malformed frames against a real server process', () => {
  it('the empty frame and 0xff on /yjs and /collab leave the process running', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'flowmap-frames-'))
    const running = await spawnServerProcess({ DATA_DIR: dataDir })
    try {
      const wsBase = running.url.replace(/^http/, 'ws')
      for (const url of [`${wsBase}/yjs/${BOARD}`, running.collabUrl]) {
        for (const frame of [new Uint8Array(), new Uint8Array([0xff])]) {
          const probe = openProbe(url)
          await withDeadline(probe.opened, 'open')
          send(probe.ws, frame)
          expect(await withDeadline(probe.closed, 'close')).toBe(MALFORMED)
        }
      }
      expect((await fetch(`${running.url}/healthz`)).status).toBe(200)
      const client = connectBoard(running.collabUrl, BOARD)
      try {
        await withDeadline(client.synced, 'sync')
        writeRecord(client.doc, workflowShape('step', { id: 'after', props: { label: 'still here' } }))
        await withDeadline(client.acknowledged(), 'acknowledgement')
      } finally {
        client.destroy()
      }
      expect(running.child.exitCode).toBeNull()
      const warnings = running.stderr.filter((line) => line.includes('"code":4400'))
      expect(warnings).toHaveLength(4)
    } finally {
      running.child.kill('SIGKILL')
      await running.exited
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 60_000)
})
