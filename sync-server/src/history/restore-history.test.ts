/**
 * Restore end to end: two people edit a board through real providers on a real server (SQLite file in a
 * temp dir); the facilitator rebuilds an earlier moment from the history the HTTP API serves and
 * restores it. The restore is one new forward entry, attributed to the facilitator; every earlier
 * entry is still there, byte for byte; and restoring the moment before it undoes it.
 */

import type { BoardRole } from '@flowmap/shared'
import {
  docAt,
  type HistoryEntry,
  HistoryLog,
  readBoard,
  readHistoryPage,
  readRecord,
  recordsSnapshot,
  restoreBoard,
  writeBoard,
  writeRecord,
} from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { expect, test, vi } from 'vitest'
import * as Y from 'yjs'
import { createBoardOverApi, requestJson } from '../testing/http-client.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer()
/** How long a change may take to reach another client. */
const SYNCED = { timeout: 10_000, interval: 20 }
function token(role: BoardRole, sub: string): Promise<string> {
  return testToken({ sub, name: sub.toUpperCase(), board: '*', role })
}

async function loadHistory(
  boardId: string,
  bearer: string,
): Promise<{ log: HistoryLog; names: Record<string, string> }> {
  const log = new HistoryLog(4)
  const names: Record<string, string> = {}
  let after = 0
  for (;;) {
    const response = await requestJson(
      `${server.server.url}/api/boards/${boardId}/history?after=${after}&limit=3`,
      {
        token: bearer,
      },
    )
    expect(response.status).toBe(200)
    const read = readHistoryPage(response.body)
    if (!read.ok) throw new Error(read.reason)
    log.append(read.page.entries)
    Object.assign(names, read.page.names)
    if (!read.page.hasMore || read.page.nextAfter === null) return { log, names }
    after = read.page.nextAfter
  }
}

async function exportedSnapshot(boardId: string, bearer: string): Promise<string> {
  const response = await requestJson(`${server.server.url}/api/boards/${boardId}/export.json`, {
    token: bearer,
  })
  const doc = new Y.Doc()
  for (const record of (response.body as { records: Parameters<typeof writeRecord>[1][] }).records) {
    writeRecord(doc, record)
  }
  return recordsSnapshot(doc)
}

test('restore produces the old state as one new entry by the facilitator, and keeps the full history', async () => {
  await server.start({ authSecret: TEST_SECRET })
  const facilitatorToken = await token('facilitator', 'fay')
  const editorToken = await token('editor', 'eli')
  const boardId = await createBoardOverApi(server.server.url, {
    title: 'Order to cash',
    token: facilitatorToken,
  })
  const fay = server.connect(boardId, { token: facilitatorToken })
  const eli = server.connect(boardId, { token: editorToken })
  await Promise.all([fay.synced, eli.synced])

  writeRecord(fay.doc, workflowShape('step', { id: 'intake', props: { label: 'Intake' } }))
  await fay.acknowledged()
  writeRecord(eli.doc, workflowShape('step', { id: 'review', props: { label: 'Review' } }))
  await eli.acknowledged()
  await vi.waitFor(() => expect(readRecord(fay.doc, 'shape:review')).toBeDefined(), SYNCED)
  const moment = { snapshot: recordsSnapshot(fay.doc) }
  const { log: atMoment } = await loadHistory(boardId, facilitatorToken)
  const momentSeq = atMoment.lastSeq

  // Later: Eli renames and deletes, Fay adds a step and renames the board.
  const review = readRecord(eli.doc, 'shape:review') as ReturnType<typeof workflowShape<'step'>>
  writeRecord(eli.doc, { ...review, props: { ...review.props, label: 'Review v2', status: 'blocked' } })
  eli.doc.getMap('records').delete('shape:intake')
  await eli.acknowledged()
  await vi.waitFor(() => expect(readRecord(fay.doc, 'shape:intake')).toBeUndefined(), SYNCED)
  writeRecord(fay.doc, workflowShape('step', { id: 'ship', props: { label: 'Ship' } }))
  writeBoard(fay.doc, { title: 'Renamed' })
  await fay.acknowledged()
  const beforeRestore = await loadHistory(boardId, facilitatorToken)
  const afterEditsSnapshot = recordsSnapshot(fay.doc)

  // Fay restores the moment, rebuilt from the history the API serves.
  const past = docAt(beforeRestore.log, { seq: momentSeq }).doc
  expect(recordsSnapshot(past)).toBe(moment.snapshot)
  const summary = restoreBoard(fay.doc, past)
  expect(summary.deleted).toEqual(['shape:ship'])
  await fay.acknowledged()
  await vi.waitFor(() => expect(recordsSnapshot(eli.doc)).toBe(moment.snapshot), SYNCED)
  expect(recordsSnapshot(fay.doc)).toBe(moment.snapshot)
  expect(readBoard(eli.doc).title).toBe('Order to cash')
  expect(await exportedSnapshot(boardId, facilitatorToken)).toBe(moment.snapshot)

  // The history kept everything: the same entries, byte for byte, plus one restore entry by Fay.
  const afterRestore = await loadHistory(boardId, facilitatorToken)
  const previous = beforeRestore.log.entries
  expect(afterRestore.log.entries.slice(0, previous.length).map(comparable)).toEqual(previous.map(comparable))
  const added = afterRestore.log.entries.slice(previous.length)
  expect(added.map((entry) => entry.userId)).toEqual(['fay'])
  expect(afterRestore.names.fay).toBe('FAY')

  // A restore is undone by restoring the moment before it.
  const undo = docAt(afterRestore.log, { seq: beforeRestore.log.lastSeq }).doc
  restoreBoard(fay.doc, undo)
  await fay.acknowledged()
  await vi.waitFor(() => expect(recordsSnapshot(eli.doc)).toBe(afterEditsSnapshot), SYNCED)
  expect(readBoard(eli.doc).title).toBe('Renamed')
  expect(await exportedSnapshot(boardId, editorToken)).toBe(afterEditsSnapshot)
  const final = await loadHistory(boardId, editorToken)
  expect(final.log.lastSeq).toBe(afterRestore.log.lastSeq + 1)
})

test('an editor cannot name a version; a facilitator can, and everyone lists it', async () => {
  await server.start({ authSecret: TEST_SECRET })
  const facilitatorToken = await token('facilitator', 'fay')
  const editorToken = await token('editor', 'eli')
  const boardId = await createBoardOverApi(server.server.url, { token: facilitatorToken })
  const url = `${server.server.url}/api/boards/${boardId}/versions`

  const refused = await requestJson(url, { method: 'POST', token: editorToken, body: { name: 'mine' } })
  expect(refused).toMatchObject({ status: 403, body: { error: 'forbidden' } })
  const named = await requestJson(url, {
    method: 'POST',
    token: facilitatorToken,
    body: { name: ' after round 1 ' },
  })
  expect(named).toMatchObject({
    status: 201,
    body: { seq: 1, name: 'after round 1', userId: 'fay', userName: 'FAY' },
  })
  const badSeq = await requestJson(url, {
    method: 'POST',
    token: facilitatorToken,
    body: { name: 'x', seq: 99 },
  })
  expect(badSeq).toMatchObject({ status: 400, body: { error: 'invalid-seq' } })
  expect(
    await requestJson(url, { method: 'POST', token: facilitatorToken, body: { name: '' } }),
  ).toMatchObject({
    status: 400,
    body: { error: 'invalid-name' },
  })

  const listed = await requestJson(url, { token: editorToken })
  expect(listed).toMatchObject({
    status: 200,
    body: { boardId, versions: [{ seq: 1, name: 'after round 1' }] },
  })
  // The names are on disk: a restarted server still lists them.
  await server.restart()
  const again = await requestJson(`${server.server.url}/api/boards/${boardId}/versions`, {
    token: editorToken,
  })
  expect((again.body as { versions: unknown[] }).versions).toHaveLength(1)
  expect(
    (await requestJson(`${server.server.url}/api/boards/nope/versions`, { token: editorToken })).status,
  ).toBe(404)
})

function comparable(entry: HistoryEntry) {
  return { seq: entry.seq, userId: entry.userId, update: Array.from(entry.update) }
}
