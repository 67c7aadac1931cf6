/**
 * A workshop board on a real test server for the lock and toolset tests: a facilitator (Fay), an editor
 * (Edna) and a second participant who only watches (Wes), on a board holding a lane with a step in it,
 * a step on the page, a sticky note and a connector between the two steps.
 */
import {
  boardLockField,
  type LockHolder,
  metaWithShapeLock,
  type RefusalMessage,
  readRecord,
  type readRecords,
  writeRecords,
  writeWorkshopField,
} from '@flowmap/shared'
import { connector, documentRecord, noteShape, pageRecord, workflowShape } from '@flowmap/shared/testing'
import { expect, vi } from 'vitest'
import * as Y from 'yjs'
import type { BoardClient } from '../../testing/board-client.ts'
import { TEST_SECRET } from '../../testing/test-server.ts'
import { testToken } from '../../testing/test-tokens.ts'
import { type TestServerFixture, useTestServer } from '../../testing/use-test-server.ts'

/** A record as the doc functions take it. */
export type TLRecord = ReturnType<typeof readRecords>[number]

export const FAY: LockHolder = { by: 'fay', name: 'Fay', at: 1_700_000_000_000 }

export const LANE = 'shape:lane'
export const STEP_IN_LANE = 'shape:inLane'
export const STEP_ON_PAGE = 'shape:onPage'
export const NOTE = 'shape:note'
export const ARROW = 'shape:flow'

export function noteRecord(id: string, init: { x?: number; y?: number; parentId?: string } = {}): TLRecord {
  return noteShape({ id, ...init }) as TLRecord
}

/** One signed-token server for the file's tests. */
export function useWorkshopServer(): TestServerFixture {
  return useTestServer({ per: 'suite', config: { authSecret: TEST_SECRET } })
}

export interface WorkshopBoard {
  fay: BoardClient
  edna: BoardClient
  wes: BoardClient
}

/** The board, written by its facilitator; `lockLane` locks the lane for participants. */
export async function openWorkshopBoard(
  server: TestServerFixture,
  board: string,
  options: { lockLane?: boolean } = {},
): Promise<WorkshopBoard> {
  const fay = await join(server, board, 'fay', 'facilitator')
  const lane = workflowShape('lane', { id: 'lane', x: 0, y: 0, props: { w: 600, h: 200 } as never })
  writeRecords(fay.doc, [
    documentRecord(),
    pageRecord(),
    options.lockLane ? { ...lane, meta: metaWithShapeLock(lane.meta, FAY) } : lane,
    workflowShape('step', { id: 'inLane', parentId: LANE, x: 40, y: 40 }),
    workflowShape('step', { id: 'onPage', x: 800, y: 40 }),
    noteRecord(NOTE, { x: 800, y: 400 }),
    ...connector({ id: 'flow', from: 'inLane', to: 'onPage' }),
  ] as TLRecord[])
  await fay.acknowledged()
  expect(fay.rejections).toEqual([])
  const edna = await join(server, board, 'edna', 'editor')
  const wes = await join(server, board, 'wes', 'editor')
  return { fay, edna, wes }
}

export async function join(
  server: TestServerFixture,
  board: string,
  sub: string,
  role: 'facilitator' | 'editor',
): Promise<BoardClient> {
  const client = server.connect(board, { token: await testToken({ sub, board, role }) })
  await client.synced
  return client
}

export async function lockBoard(fay: BoardClient): Promise<void> {
  writeWorkshopField(fay.doc, boardLockField, FAY)
  await fay.acknowledged()
}

/** Waits for `client`'s one refusal and returns it. */
export async function refusalOf(client: BoardClient): Promise<RefusalMessage> {
  await vi.waitFor(() => expect(client.rejections).toHaveLength(1), { timeout: 10_000 })
  return client.rejections[0] as RefusalMessage
}

/** The board as the server stored it: every update of its history, applied in order. */
export async function storedDoc(server: TestServerFixture, board: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  for (const entry of await server.storage.readHistory(board, { afterSeq: 0, limit: 10_000 })) {
    Y.applyUpdate(doc, entry.update)
  }
  return doc
}

/**
 * Proves the refused change reached neither the history nor another participant: the facilitator
 * then writes a marker, and once the watcher holds the marker (broadcasts keep their order) the
 * watcher's copy of `id`, like the stored one, must still equal `expected`.
 */
export async function expectNotStoredOrBroadcast(
  server: TestServerFixture,
  board: string,
  { fay, wes }: WorkshopBoard,
  id: string,
  expected: TLRecord | undefined,
): Promise<void> {
  const marker = `marker-${Math.random().toString(36).slice(2)}`
  writeRecords(fay.doc, [workflowShape('step', { id: marker, x: 2000 })] as TLRecord[])
  await fay.acknowledged()
  await vi.waitFor(() => expect(readRecord(wes.doc, `shape:${marker}`)).toBeDefined(), { timeout: 10_000 })
  expect(readRecord(wes.doc, id)).toEqual(expected)
  expect(readRecord(await storedDoc(server, board), id)).toEqual(expected)
}
