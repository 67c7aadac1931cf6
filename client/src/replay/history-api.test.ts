/**
 * Replay's history loading against the real server (in-process, port 0, SQLite in a temp dir): a board
 * edited through a real provider, its history read back page by page with the progress reported.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { workflowShape, writeRecords } from '@flowmap/shared'
import { type RunningServer, startFlowmapServer } from '@flowmap/sync-server'
import { HocuspocusProvider } from '@hocuspocus/provider'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import * as Y from 'yjs'
import { fetchHistory, fetchLastSeq } from './history-api.ts'

const STEPS = 23
let server: RunningServer
let dataDir: string
let boardId: string

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'flowmap-history-api-'))
  server = await startFlowmapServer({ port: 0, dataDir, logLevel: 'silent', clientDir: null })
  const created = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Paged' }),
  })
  boardId = ((await created.json()) as { id: string }).id

  // One acknowledged update per step, so the history holds an entry per step.
  const doc = new Y.Doc()
  const provider = new HocuspocusProvider({
    url: `${server.url.replace(/^http/, 'ws')}/collab`,
    name: boardId,
    document: doc,
  })
  await vi.waitFor(() => expect(provider.isSynced).toBe(true), { timeout: 10_000 })
  for (let i = 0; i < STEPS; i += 1) {
    writeRecords(doc, [workflowShape('step', { id: `s${i}`, props: { label: `Step ${i}` } })])
    await vi.waitFor(() => expect(provider.unsyncedChanges).toBe(0), { timeout: 10_000 })
  }
  provider.destroy()
  doc.destroy()
})

afterAll(async () => {
  await server.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('fetchHistory', () => {
  test('loads the whole history page by page, reporting progress after each page', async () => {
    const lastSeq = await fetchLastSeq(boardId, null, server.url)
    if (!lastSeq.ok) throw new Error(lastSeq.reason)
    // The board's creation entry, then one per step.
    expect(lastSeq.value).toBe(STEPS + 1)

    const progress: Array<[number, number]> = []
    const loaded = await fetchHistory(boardId, null, (done, total) => progress.push([done, total]), {
      pageSize: 5,
      baseUrl: server.url,
    })
    if (!loaded.ok) throw new Error(loaded.reason)

    const total = STEPS + 1
    // 0 before the first page, then one report per page of five: 5, 10, 15, 20, 24.
    expect(progress).toEqual([
      [0, total],
      [5, total],
      [10, total],
      [15, total],
      [20, total],
      [24, total],
    ])
    const { log } = loaded.value
    expect(log.lastSeq).toBe(total)
    const labels = [...log.contentAt(total).records.values()]
      .filter((record) => record.typeName === 'shape')
      .map((record) => (record.props as { label: string }).label)
    expect(labels).toHaveLength(STEPS)
    expect(labels).toContain(`Step ${STEPS - 1}`)
    // An earlier moment holds only the steps made by then.
    expect(log.contentAt(6).records.size).toBeLessThan(log.contentAt(total).records.size)
    log.destroy()
  })

  test('says why when the board does not exist, and when the load is cancelled', async () => {
    const missing = await fetchHistory('no-such-board', null, () => {}, { baseUrl: server.url })
    expect(missing).toEqual({ ok: false, reason: 'there is no board "no-such-board"' })

    const abort = new AbortController()
    const cancelled = fetchHistory(boardId, null, () => abort.abort(), {
      pageSize: 5,
      baseUrl: server.url,
      signal: abort.signal,
    })
    expect(await cancelled).toEqual({ ok: false, reason: 'cancelled' })
  })
})
