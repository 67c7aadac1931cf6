/**
 * An update that arrives ahead of an earlier update of the same client (a bare provider flushes the
 * updates it queued offline before its SyncStep2; the web client holds them, see
 * client/src/sync/updates-after-handshake.ts). Yjs would hold its inserts as pending but apply its
 * deletes at once: for a move, "delete the old x, insert the new x" leaves the record with no x. The
 * server refuses it whole as missing-dependency, so nobody ever sees that record, and the sender's next
 * SyncStep2 carries the gap and the move together.
 */
import { parseRefusalMessage, readRecords, writeRecord } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectBoard } from '../testing/board-client.ts'
import { openRawBoardSocket } from '../testing/raw-socket.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer()

it("a move that arrives ahead of its sender's previous update is refused as missing-dependency, and the record keeps its position for everyone", async () => {
  await server.start()
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
  const codes = socket.stateless.flatMap((payload) => {
    const refusal = parseRefusalMessage(payload)
    return refusal.ok ? [refusal.message.code] : []
  })
  expect(codes).toEqual(['missing-dependency'])

  // What others see of the lane stays valid: it keeps its position, never a lane with no x.
  const observer = connectBoard(server.collabUrl, 'out-of-order')
  await observer.synced
  const seen = readRecords(observer.doc).find((record) => record.id === 'shape:lane-1')
  expect((seen as { x?: unknown } | undefined)?.x).toBe(10)
  observer.destroy()
  socket.close()
  client.doc.destroy()
})
