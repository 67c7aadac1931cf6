/**
 * Memory returns: a board that everyone has left is unloaded and leaves nothing reachable (its
 * Hocuspocus document, live Y.Doc and shadow), however hard it was written to while loaded.
 *
 * Reachability is checked the way the garbage collector sees it: a WeakRef on the unloaded document
 * must clear, and the heap must give back what the board took. A forced GC comes from V8's own `gc`
 * (exposed at run time through v8.setFlagsFromString), polled with a deadline: no timings, no exact bytes.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { readRecords, writeRecords } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import type { Document } from '@hocuspocus/server'
import { describe, expect, it, vi } from 'vitest'
import { connectBoard } from '../testing/board-client.ts'
import { type TestServerFixture, useTestServer } from '../testing/use-test-server.ts'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

function until(condition: () => boolean, what: string): Promise<void> {
  return vi.waitFor(
    () => {
      if (!condition()) throw new Error(`${what} did not happen within 20 s`)
    },
    { timeout: 20_000, interval: 50 },
  )
}

/** A full GC, then a macrotask (a WeakRef keeps its target until the current job ends), a few times. */
async function collectGarbage(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    gc()
    await sleep(10)
  }
}

const server = useTestServer()

/**
 * Loads `boardId` with `records` steps through a real provider, edits one of them `edits` times, and
 * leaves. Returns a WeakRef on the server's document, taken while it was loaded.
 */
async function writeBoardAndLeave(
  running: TestServerFixture,
  boardId: string,
  records: number,
  edits: number,
): Promise<{ document: WeakRef<Document>; heapWhileLoaded: number }> {
  const client = connectBoard(running.collabUrl, boardId)
  await client.synced
  writeRecords(
    client.doc,
    Array.from({ length: records }, (_, i) =>
      workflowShape('step', {
        id: `s${i}`,
        x: i,
        props: { label: `Step ${i}`, description: `what step ${i} does `.repeat(20) },
      }),
    ),
  )
  for (let i = 0; i < edits; i++) writeRecords(client.doc, [workflowShape('step', { id: 's0', x: i })])
  await client.acknowledged()
  const document = running.server.hocuspocus.documents.get(boardId)
  if (document === undefined) throw new Error(`board ${boardId} is not loaded`)
  await collectGarbage()
  const heapWhileLoaded = process.memoryUsage().heapUsed
  client.destroy()
  return { document: new WeakRef(document), heapWhileLoaded }
}

/** Waits until the server holds no board and `document` is garbage, then collects what is left. */
async function unloadedAndCollected(
  running: TestServerFixture,
  document: WeakRef<Document>,
  what: string,
): Promise<void> {
  await until(() => running.server.hocuspocus.getDocumentsCount() === 0, `unloading ${what}`)
  await until(() => {
    gc()
    return document.deref() === undefined
  }, `collecting the unloaded document of ${what}`)
  await collectGarbage()
}

describe('memory after a board is unloaded', () => {
  it('a board everyone left is unloaded and nothing of it stays reachable: the heap returns to where it was', async () => {
    await server.start()
    const running = server
    // A first board loaded and left, so that what loading any board allocates once (module state,
    // prepared statements, JIT) is in the baseline, not counted as the second board's.
    const warmUp = await writeBoardAndLeave(running, 'memory-warm-up', 50, 10)
    await unloadedAndCollected(running, warmUp.document, 'the warm-up board')
    const baseline = process.memoryUsage().heapUsed

    const board = await writeBoardAndLeave(running, 'memory-unloaded', 3000, 300)
    const boardBytes = board.heapWhileLoaded - baseline
    // Sanity: the board is big enough that keeping any one of its copies (the client's, the live
    // document or the shadow) would show far above the heap's noise.
    expect(boardBytes).toBeGreaterThan(8 * 1024 * 1024)

    await unloadedAndCollected(running, board.document, 'the board')
    const retained = process.memoryUsage().heapUsed - baseline
    // Three copies were alive while loaded (client, live document, shadow): one of them left behind is
    // a third of boardBytes. Less than a tenth is what the heap keeps for itself.
    expect(retained).toBeLessThan(boardBytes / 10)

    // And the server still serves the board, whole, from storage.
    const again = connectBoard(running.collabUrl, 'memory-unloaded')
    await again.synced
    expect(readRecords(again.doc)).toHaveLength(3000)
    again.destroy()
  }, 120_000)
})
