import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { SERVER_USER_ID } from './history-entry.ts'
import { readHistoryPage } from './history-page.ts'

test('a server history page reads back into entries with bytes, times and names', () => {
  const doc = new Y.Doc()
  doc.getMap('board').set('title', 'x')
  const update = Y.encodeStateAsUpdate(doc)
  const base64 = btoa(String.fromCharCode(...update))
  const read = readHistoryPage({
    boardId: 'b',
    entries: [
      {
        seq: 1,
        time: '2026-01-01T00:00:00.000Z',
        userId: 'u1',
        userName: 'Ana',
        clientId: 7,
        update: base64,
      },
      {
        seq: 2,
        time: '2026-01-01T00:00:01.000Z',
        userId: null,
        userName: null,
        clientId: null,
        update: base64,
      },
    ],
    hasMore: true,
    nextAfter: 2,
  })
  expect(read.ok).toBe(true)
  if (!read.ok) return
  expect(read.page.entries[0]).toEqual({
    seq: 1,
    time: Date.UTC(2026, 0, 1),
    userId: 'u1',
    clientId: 7,
    update,
  })
  expect(read.page.entries[1]?.userId).toBe(SERVER_USER_ID)
  expect(read.page.names).toEqual({ u1: 'Ana' })
  expect(read.page).toMatchObject({ hasMore: true, nextAfter: 2 })
})

test('a malformed page is refused with the entry and the reason', () => {
  expect(readHistoryPage({ entries: [{ seq: 1, time: 'yesterday', update: '' }] })).toEqual({
    ok: false,
    reason: 'history entry 0 of the page: seq 1: time must be an ISO date, got "yesterday"',
  })
  expect(readHistoryPage([])).toEqual({ ok: false, reason: 'the history page has no "entries" list' })
})
