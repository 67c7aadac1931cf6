// @vitest-environment happy-dom
/**
 * The hook as the board page uses it, in a DOM with React, against the real Flowmap server: the store
 * opens, syncs, and the test hook on window.__flowmap exposes the live doc.
 */
import 'fake-indexeddb/auto'
import { readRecord } from '@flowmap/shared'
import { useTestServer } from '@flowmap/sync-server/testing/use-test-server'
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import type { TLShapeId } from 'tldraw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type * as Y from 'yjs'
import { geoRecord, pageRecords } from './board-records.test-support.ts'
import { type BoardSync, useBoardSync } from './use-board-sync.ts'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let latest: BoardSync | null = null
function Probe() {
  latest = useBoardSync({ boardId: 'hooked', token: null, shapeUtils: [] })
  return null
}

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture named as the server tests name it, not a React hook
const server = useTestServer()
let root: Root | null = null

afterEach(async () => {
  await act(async () => root?.unmount())
  root = null
})

describe('useBoardSync', () => {
  it('opens the board, syncs it and exposes the doc on window.__flowmap', async () => {
    await server.start()
    ;(window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
      `${server.url}/b/hooked`,
    )

    const container = document.createElement('div')
    document.body.appendChild(container)
    root = createRoot(container)
    await act(async () => root?.render(createElement(Probe)))

    await act(() => vi.waitFor(() => expect(latest?.status.state).toBe('online'), { timeout: 10_000 }))
    const sync = latest as unknown as BoardSync
    expect(sync.store.status).toBe('synced-remote')
    const hook = (window as unknown as { __flowmap: { doc: Y.Doc; boardId: string; dropSocket: unknown } })
      .__flowmap
    expect(hook.boardId).toBe('hooked')
    expect(hook.doc).toBe(sync.doc)
    expect(typeof hook.dropSocket).toBe('function')

    const store = sync.store.status === 'synced-remote' ? sync.store.store : null
    await act(async () => {
      store?.put([...pageRecords().filter((r) => !store.has(r.id)), geoRecord('from-hook')])
      store?._flushHistory()
    })
    expect(readRecord(hook.doc, 'shape:from-hook')).toBeDefined()
    expect(store?.get('shape:from-hook' as TLShapeId)).toBeDefined()
  })
})
