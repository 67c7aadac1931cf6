import { readRecord, writeRecord } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { describe, expect, it, vi } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { loadBoardDoc } from '../boards/load-board.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer()
function yWebsocketClient(
  board: string,
  token: string,
): { doc: Y.Doc; provider: WebsocketProvider; closes: string[] } {
  const doc = new Y.Doc()
  const closes: string[] = []
  const provider = new WebsocketProvider(`${server.server.url.replace(/^http/, 'ws')}/yjs`, board, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket,
    maxBackoffTime: 200,
    // Providers of one room in one process would otherwise sync through a BroadcastChannel, not the server.
    disableBc: true,
  })
  provider.on('connection-close', (event) => {
    if (event !== null) closes.push(`${event.code} ${event.reason}`)
  })
  server.track(provider)
  return { doc, provider, closes }
}

describe('y-websocket interop', () => {
  it('lets a plain y-websocket client co-edit a board, with the same auth and validation', async () => {
    await server.start({ authSecret: TEST_SECRET })
    const board = 'bridged'
    const editorToken = await testToken({ sub: 'bot', name: 'Bot', board, role: 'editor' })
    const personToken = await testToken({ sub: 'person', name: 'P', board, role: 'editor' })
    const hocuspocusClient = server.connect(board, { token: personToken })
    await hocuspocusClient.synced
    writeRecord(
      hocuspocusClient.doc,
      workflowShape('step', { id: 'from-provider', props: { label: 'Hocuspocus' } }),
    )
    await hocuspocusClient.acknowledged()

    const bot = yWebsocketClient(board, editorToken)
    await vi.waitFor(() => expect(readRecord(bot.doc, 'shape:from-provider')).toBeDefined())
    writeRecord(bot.doc, workflowShape('step', { id: 'from-bot', props: { label: 'y-websocket' } }))
    await vi.waitFor(() => expect(readRecord(hocuspocusClient.doc, 'shape:from-bot')).toBeDefined())
    const entries = await server.server.storage.readHistory(board, { afterSeq: 0, limit: 10 })
    expect(entries.map((entry) => entry.userId)).toEqual(['person', 'bot'])

    writeRecord(bot.doc, { ...workflowShape('step', { id: 'broken', props: {} }), type: 'nonsense' } as never)
    await vi.waitFor(() => expect(bot.closes.some((close) => /^4422 .*nonsense/.test(close))).toBe(true))
    expect(readRecord((await loadBoardDoc(server.server.storage, board)).doc, 'shape:broken')).toBeUndefined()
    expect(readRecord(hocuspocusClient.doc, 'shape:broken')).toBeUndefined()

    const stranger = yWebsocketClient(board, 'garbage')
    await vi.waitFor(() => expect(stranger.closes.some((close) => close.startsWith('4401 '))).toBe(true))
    expect(readRecord(stranger.doc, 'shape:from-provider')).toBeUndefined()
  })
})
