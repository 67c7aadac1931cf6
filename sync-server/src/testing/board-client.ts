/**
 * A real @hocuspocus/provider client of one board, recording what the server tells it: rejections
 * (the refusal protocol's stateless message), authentication failures, acknowledgements.
 */
import { parseRefusalMessage, type RefusalMessage } from '@flowmap/shared'
import { HocuspocusProvider } from '@hocuspocus/provider'
import * as Y from 'yjs'

export interface BoardClient {
  doc: Y.Doc
  provider: HocuspocusProvider
  rejections: RefusalMessage[]
  /** every stateless text the server sent this client */
  stateless: string[]
  authFailures: string[]
  /** Resolves on the first full sync with the server. */
  synced: Promise<void>
  /** Resolves once the server has acknowledged every change this client sent (unsyncedChanges = 0). */
  acknowledged(): Promise<void>
  destroy(): void
}

export function connectBoard(
  collabUrl: string,
  boardId: string,
  options: { token?: string; doc?: Y.Doc } = {},
): BoardClient {
  const doc = options.doc ?? new Y.Doc()
  const rejections: RefusalMessage[] = []
  const stateless: string[] = []
  const authFailures: string[] = []
  let markSynced: () => void = () => {}
  const synced = new Promise<void>((resolve) => {
    markSynced = resolve
  })
  const provider = new HocuspocusProvider({
    url: collabUrl,
    name: boardId,
    document: doc,
    token: options.token ?? '',
    onSynced: () => markSynced(),
    onStateless: ({ payload }) => {
      stateless.push(payload)
      const rejected = parseRefusalMessage(payload)
      if (rejected.ok) rejections.push(rejected.message)
    },
    onAuthenticationFailed: ({ reason }) => authFailures.push(reason),
  })
  return {
    doc,
    provider,
    rejections,
    stateless,
    authFailures,
    synced,
    acknowledged: () =>
      new Promise<void>((resolve) => {
        if (!provider.hasUnsyncedChanges) return resolve()
        const onChange = ({ number }: { number: number }) => {
          if (number !== 0) return
          provider.off('unsyncedChanges', onChange)
          resolve()
        }
        provider.on('unsyncedChanges', onChange)
      }),
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}
