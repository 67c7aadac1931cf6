/**
 * A known server bug the convergence fuzzer found, pinned down deterministically (`it.fails`: this test
 * passes while the bug is there and fails once it is fixed; then turn it into a plain `it`).
 *
 * An honest client's update can reach the server before an earlier update of the same client: the
 * provider flushes the updates it queued while offline before its SyncStep2, and its socket provider
 * drops part of that queue on a retry, so after a server restart the first update the server sees may
 * continue clocks it never got. Yjs then holds the update's inserts as pending but applies its deletes
 * at once. For a move that is "delete the old x, insert the new x": the shadow doc shows the record with
 * no x, validation refuses the update as invalid-record, and the client is reset and told its change
 * was rolled back, though the change was valid and the next SyncStep2 would have filled the gap.
 */
import { readRecords, workflowShape, writeRecord } from '@flowmap/shared'
import { afterEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import { parseRejectedMessage } from '../protocol/refusal.ts'
import { connectBoard } from '../testing/board-client.ts'
import { openRawBoardSocket } from '../testing/raw-socket.ts'
import { startTestServer, type TestServer } from '../testing/test-server.ts'

let server: TestServer | null = null
afterEach(async () => {
  await server?.dispose()
  server = null
})

it.fails("an honest move that arrives ahead of its sender's previous update is not refused", async () => {
  server = await startTestServer()
  const lane = workflowShape('lane', { id: 'lane-1', x: 10, y: 20 })
  const client = connectBoard(server.collabUrl, 'out-of-order')
  await client.synced
  writeRecord(client.doc, lane)
  await client.acknowledged()
  // The provider goes away; the doc (and its client ID) stays, as a tab's doc stays in its storage.
  client.provider.destroy()

  // Offline: an edit the server will get later, then a move of the lane.
  writeRecord(client.doc, workflowShape('step', { id: 'made-offline' }))
  const beforeMove = Y.encodeStateVector(client.doc)
  writeRecord(client.doc, { ...lane, x: 300, y: 400 } as typeof lane)
  const move = Y.encodeStateAsUpdate(client.doc, beforeMove)

  // The move reaches the server first, as a flushed queue delivers it.
  const socket = openRawBoardSocket(server.collabUrl, 'out-of-order', '')
  await socket.scope
  socket.sendUpdate(move)
  await expect
    .poll(() => socket.syncStatuses.length + socket.stateless.length, { timeout: 15_000 })
    .toBeGreaterThan(0)
  const refusals = socket.stateless.map(parseRejectedMessage).filter((rejected) => rejected !== null)
  expect(refusals).toEqual([])

  // And what others see of the lane stays valid: it keeps a position (the old one, or the new one once
  // the gap is filled), never a lane with no x.
  const observer = connectBoard(server.collabUrl, 'out-of-order')
  await observer.synced
  const seen = readRecords(observer.doc).find((record) => record.id === 'shape:lane-1')
  expect(typeof (seen as { x?: unknown } | undefined)?.x).toBe('number')
  observer.destroy()
  socket.close()
  client.doc.destroy()
})
