/**
 * Replay's history loading against the real server (in-process, port 0, SQLite in a temp dir): a board
 * edited through a real provider, its history read back page by page with the progress reported.
 */
import 'fake-indexeddb/auto'
import { writeRecords } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { useTestServer } from '@flowmap/sync-server/testing/use-test-server'
import { HocuspocusProvider } from '@hocuspocus/provider'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import * as Y from 'yjs'
import { type HistoryCache, openHistoryCache } from '../storage/history-cache.ts'
import { fetchHistory, fetchLastSeq, fetchNewEntries } from './history-api.ts'

const STEPS = 23
// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture named as the server tests name it, not a React hook
const server = useTestServer({ per: 'suite', config: {} })
let boardId: string
let steps = 0

/** One acknowledged update per step, so the history holds an entry per step. */
async function addSteps(count: number): Promise<void> {
  const doc = new Y.Doc()
  const provider = new HocuspocusProvider({
    url: server.collabUrl,
    name: boardId,
    document: doc,
  })
  await vi.waitFor(() => expect(provider.isSynced).toBe(true), { timeout: 10_000 })
  for (let i = 0; i < count; i += 1) {
    writeRecords(doc, [workflowShape('step', { id: `s${steps}`, props: { label: `Step ${steps}` } })])
    steps += 1
    await vi.waitFor(() => expect(provider.unsyncedChanges).toBe(0), { timeout: 10_000 })
  }
  provider.destroy()
  doc.destroy()
}

beforeAll(async () => {
  const created = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Paged' }),
  })
  boardId = ((await created.json()) as { id: string }).id

  await addSteps(STEPS)
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

describe('fetchHistory with the device cache', () => {
  let cacheCount = 0
  const caches: HistoryCache[] = []
  function freshCache(): HistoryCache {
    cacheCount += 1
    const cache = openHistoryCache(`flowmap-history-test-${cacheCount}-${Date.now()}`)
    caches.push(cache)
    return cache
  }
  afterAll(() => {
    for (const cache of caches) cache.close()
  })

  /** The history requests a load makes (the real fetch, counted). */
  async function countingHistoryRequests<T>(
    load: () => Promise<T>,
  ): Promise<{ result: T; requests: number }> {
    const spy = vi.spyOn(globalThis, 'fetch')
    try {
      const result = await load()
      const requests = spy.mock.calls.filter(([url]) => String(url).includes('/history?')).length
      return { result, requests }
    } finally {
      spy.mockRestore()
    }
  }

  const contentOf = (log: {
    lastSeq: number
    contentAt(seq: number): { records: ReadonlyMap<string, unknown> }
  }) => [...log.contentAt(log.lastSeq).records.entries()].sort(([a], [b]) => (a < b ? -1 : 1))

  test('a second load downloads only what is new, and ends where a fresh load does', async () => {
    const cache = freshCache()
    const first = await fetchHistory(boardId, null, () => {}, { pageSize: 5, baseUrl: server.url, cache })
    if (!first.ok) throw new Error(first.reason)
    const before = first.value.log.lastSeq
    first.value.log.destroy()

    await addSteps(3)
    const progress: Array<[number, number]> = []
    const { result: second, requests } = await countingHistoryRequests(() =>
      fetchHistory(boardId, null, (done, total) => progress.push([done, total]), {
        pageSize: 5,
        baseUrl: server.url,
        cache,
      }),
    )
    if (!second.ok) throw new Error(second.reason)
    // From the device's copy at once, then one check of its last entry and one page of the three new.
    expect(progress[0]).toEqual([before, before + 3])
    expect(requests).toBe(2)
    expect(second.value.offline).toBeNull()

    const fresh = await fetchHistory(boardId, null, () => {}, { baseUrl: server.url })
    if (!fresh.ok) throw new Error(fresh.reason)
    expect(second.value.log.lastSeq).toBe(fresh.value.log.lastSeq)
    expect(contentOf(second.value.log)).toEqual(contentOf(fresh.value.log))
    second.value.log.destroy()
    fresh.value.log.destroy()
  })

  test("a device copy that is not the server's history any more is dropped and loaded again", async () => {
    const cache = freshCache()
    const fromServer = await fetchHistory(boardId, null, () => {}, { baseUrl: server.url })
    if (!fromServer.ok) throw new Error(fromServer.reason)
    // What the device would hold had the server's data been reset since: same seqs, other edits.
    const foreign = fromServer.value.log.entries
      .slice(0, 4)
      .map((entry) => ({ ...entry, time: entry.time - 1 }))
    await cache.append(boardId, foreign, {})

    const loaded = await fetchHistory(boardId, null, () => {}, { baseUrl: server.url, cache })
    if (!loaded.ok) throw new Error(loaded.reason)
    expect(loaded.value.log.lastSeq).toBe(fromServer.value.log.lastSeq)
    expect(contentOf(loaded.value.log)).toEqual(contentOf(fromServer.value.log))
    const kept = await cache.read(boardId)
    expect(kept.entries.map((entry) => entry.time)).toEqual(
      fromServer.value.log.entries.map((entry) => entry.time),
    )
    loaded.value.log.destroy()
    fromServer.value.log.destroy()
  })

  test("with the server unreachable, the device's copy is the answer, marked offline; with no copy, a reason", async () => {
    const cache = freshCache()
    const online = await fetchHistory(boardId, null, () => {}, { baseUrl: server.url, cache })
    if (!online.ok) throw new Error(online.reason)

    const nowhere = 'http://127.0.0.1:9' // the discard port: nothing listens there
    const offline = await fetchHistory(boardId, null, () => {}, { baseUrl: nowhere, cache })
    if (!offline.ok) throw new Error(offline.reason)
    expect(offline.value.offline).toMatch(/could not be reached/)
    expect(offline.value.log.lastSeq).toBe(online.value.log.lastSeq)
    expect(contentOf(offline.value.log)).toEqual(contentOf(online.value.log))

    const noCopy = await fetchHistory(boardId, null, () => {}, { baseUrl: nowhere, cache: freshCache() })
    expect(noCopy).toMatchObject({ ok: false, reason: expect.stringMatching(/could not be reached/) })
    online.value.log.destroy()
    offline.value.log.destroy()
  })
})

describe('fetchNewEntries', () => {
  test('appends to an open log only the entries after it, and asks for no page when there is none', async () => {
    const loaded = await fetchHistory(boardId, null, () => {}, { baseUrl: server.url })
    if (!loaded.ok) throw new Error(loaded.reason)
    const history = loaded.value
    const before = history.log.lastSeq

    await addSteps(2)
    const spy = vi.spyOn(globalThis, 'fetch')
    try {
      const fresh = await fetchNewEntries(boardId, null, history, { baseUrl: server.url, pageSize: 1 })
      expect(fresh).toEqual({ ok: true, value: 2 })
      expect(history.log.lastSeq).toBe(before + 2)
      const pages = spy.mock.calls.map(([url]) => String(url)).filter((url) => url.includes('/history?'))
      expect(pages).toEqual([
        `${server.url}/api/boards/${boardId}/history?after=${before}&limit=1`,
        `${server.url}/api/boards/${boardId}/history?after=${before + 1}&limit=1`,
      ])
      const labels = [...history.log.contentAt(history.log.lastSeq).records.values()]
        .filter((record) => record.typeName === 'shape')
        .map((record) => (record.props as { label: string }).label)
      expect(labels).toContain(`Step ${steps - 1}`)

      spy.mockClear()
      expect(await fetchNewEntries(boardId, null, history, { baseUrl: server.url })).toEqual({
        ok: true,
        value: 0,
      })
      expect(spy.mock.calls.filter(([url]) => String(url).includes('/history?'))).toHaveLength(0)
    } finally {
      spy.mockRestore()
      history.log.destroy()
    }
  })

  test('says why when the server cannot be reached, and leaves the log as it was', async () => {
    const loaded = await fetchHistory(boardId, null, () => {}, { baseUrl: server.url })
    if (!loaded.ok) throw new Error(loaded.reason)
    const before = loaded.value.log.lastSeq
    const result = await fetchNewEntries(boardId, null, loaded.value, { baseUrl: 'http://127.0.0.1:9' })
    expect(result).toMatchObject({
      ok: false,
      unreachable: true,
      reason: expect.stringMatching(/could not be reached/),
    })
    expect(loaded.value.log.lastSeq).toBe(before)
    loaded.value.log.destroy()
  })
})
