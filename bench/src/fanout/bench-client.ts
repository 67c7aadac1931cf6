import { HocuspocusProvider } from '@hocuspocus/provider'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { ServerKind } from './servers/server-kind.ts'

/** One simulated user: its own Y.Doc and its own WebSocket, through the provider its server speaks. */
export interface BenchClient {
  doc: Y.Doc
  whenSynced: Promise<void>
  /** Stateless messages from the server (Flowmap's refusals arrive this way). */
  statelessMessages: string[]
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
    statelessMessages: [],
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}

function connectHocuspocusClient(socketUrl: string, room: string): BenchClient {
  const doc = new Y.Doc()
  const statelessMessages: string[] = []
  let resolveSynced: () => void = () => {}
  const whenSynced = new Promise<void>((resolve) => {
    resolveSynced = resolve
  })
  const provider = new HocuspocusProvider({
    url: socketUrl,
    name: room,
    document: doc,
    // Flowmap in local mode (no FLOWMAP_AUTH_SECRET) takes an empty token, as the server's local mode accepts.
    token: '',
    onSynced: ({ state }) => {
      if (state) resolveSynced()
    },
    onStateless: ({ payload }) => {
      statelessMessages.push(payload)
    },
  })
  return {
    doc,
    whenSynced,
    statelessMessages,
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}
