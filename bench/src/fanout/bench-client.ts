import { connectBoard } from '@flowmap/sync-server/testing/board-client'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { ServerKind } from './servers/server-kind.ts'

/** One simulated user: its own Y.Doc and its own WebSocket, through the provider its server speaks. */
export interface BenchClient {
  doc: Y.Doc
  whenSynced: Promise<void>
  /** The refusals the server sent this client (Flowmap's refusal protocol; other servers send none). */
  refusals(): string[]
  destroy(): void
}

export function connectBenchClient(kind: ServerKind, socketUrl: string, room: string): BenchClient {
  return kind === 'y-websocket'
    ? connectYWebsocketClient(socketUrl, room)
    : connectHocuspocusClient(socketUrl, room)
}

function connectYWebsocketClient(socketUrl: string, room: string): BenchClient {
  const doc = new Y.Doc()
  // disableBc: in one Node process every provider would otherwise hear the others over BroadcastChannel,
  // and updates would skip the server altogether.
  const provider = new WebsocketProvider(socketUrl, room, doc, { disableBc: true })
  const whenSynced = new Promise<void>((resolve) => {
    const onSync = (synced: boolean) => {
      if (!synced) return
      provider.off('sync', onSync)
      resolve()
    }
    provider.on('sync', onSync)
  })
  return {
    doc,
    whenSynced,
    refusals: () => [],
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** Flowmap and plain Hocuspocus: the tests' provider client (Flowmap in local mode takes an empty token). */
function connectHocuspocusClient(socketUrl: string, room: string): BenchClient {
  const client = connectBoard(socketUrl, room)
  return {
    doc: client.doc,
    whenSynced: client.synced,
    refusals: () => client.rejections.map((rejection) => JSON.stringify(rejection)),
    destroy: client.destroy,
  }
}
