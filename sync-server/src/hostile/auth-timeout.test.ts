/**
 * Hostile input: sockets that never authenticate. They are closed with 4408 after the auth timeout;
 * a provider that authenticated is not.
 */
import { writeRecord } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { FLOWMAP_CLOSE } from '../protocol/close-codes.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const BOARD = 'auth-timeout'
const AUTH_TIMEOUT_MS = 300
const DEADLINE = 15_000

const server = useTestServer({ config: { authSecret: TEST_SECRET, authTimeoutMs: AUTH_TIMEOUT_MS } })

function closeCodeOf(ws: WebSocket): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not closed within ${DEADLINE} ms`)), DEADLINE)
    ws.addEventListener('close', (event) => {
      clearTimeout(timer)
      resolve(event.code)
    })
  })
}

/** A /collab socket that never authenticates is closed with 4408. */
async function anIdleSocketTimesOut(): Promise<void> {
  const idle = new WebSocket(server.collabUrl)
  expect(await closeCodeOf(idle)).toBe(FLOWMAP_CLOSE.authTimeout.code)
}

function authMessage(board: string, token: string): Uint8Array<ArrayBuffer> {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, board)
  encoding.writeVarUint(encoder, 2) // Auth
  encoding.writeVarUint(encoder, 0) // Token
  encoding.writeVarString(encoder, token)
  return encoding.toUint8Array(encoder) as Uint8Array<ArrayBuffer>
}

async function editorToken(sub: string): Promise<string> {
  return testToken({ sub, board: BOARD, role: 'editor' })
}

describe('auth timeout', () => {
  it('closes a /collab socket that sends nothing with 4408', async () => {
    await server.start()
    await anIdleSocketTimesOut()
  })

  it('closes a /collab socket whose every token was refused with 4408', async () => {
    await server.start()
    const refused = new WebSocket(server.collabUrl)
    refused.addEventListener('open', () => refused.send(authMessage(BOARD, 'not-a-token')))
    expect(await closeCodeOf(refused)).toBe(FLOWMAP_CLOSE.authTimeout.code)
  })

  it('leaves an authenticated provider connected past the timeout, and it still gets acks', async () => {
    await server.start()
    const honest = server.connect(BOARD, { token: await editorToken('honest') })
    let closes = 0
    honest.provider.configuration.websocketProvider.on('close', () => closes++)
    await honest.synced

    // A socket opened after the provider's is closed by the timeout: by then the provider's socket
    // is older than the timeout too, so it would have been closed if the timeout applied to it.
    await anIdleSocketTimesOut()

    writeRecord(honest.doc, workflowShape('step', { id: 'after-timeout', props: { label: 'still here' } }))
    await honest.acknowledged()
    expect(closes).toBe(0)
    expect(await server.server.storage.readHistory(BOARD, { afterSeq: 0, limit: 10 })).toHaveLength(1)

    // A tab that reconnects authenticates on its new socket at once and is not caught either.
    const reconnected = server.connect(BOARD, { token: await editorToken('honest') })
    await reconnected.synced
    await anIdleSocketTimesOut()
    writeRecord(reconnected.doc, workflowShape('step', { id: 'reconnected', props: { label: 'fine' } }))
    await reconnected.acknowledged()
    expect(closes).toBe(0)
  })

  it('leaves an authenticated y-websocket client connected past the timeout', async () => {
    await server.start()
    const token = await editorToken('bot')
    const bridged = new WebSocket(
      `${server.server.url.replace(/^http/, 'ws')}/yjs/${BOARD}?token=${encodeURIComponent(token)}`,
    )
    bridged.binaryType = 'arraybuffer'
    let received = 0
    bridged.addEventListener('message', () => received++)
    await new Promise((resolve) => bridged.addEventListener('open', resolve))
    // A sync step 1 (empty state vector) is answered once the bridge has authenticated the URL's token.
    const syncStep1 = new Uint8Array([0, 0, 1, 0])
    bridged.send(syncStep1)
    await expect.poll(() => received, { timeout: DEADLINE }).toBeGreaterThan(0)

    await anIdleSocketTimesOut()
    expect(bridged.readyState).toBe(WebSocket.OPEN)

    // Still served.
    const before = received
    bridged.send(syncStep1)
    await expect.poll(() => received, { timeout: DEADLINE }).toBeGreaterThan(before)
    bridged.close()
  })
})
