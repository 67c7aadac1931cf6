import { type InsightsBody, writeRecords } from '@flowmap/shared'
import { connector, workflowShape } from '@flowmap/shared/testing'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { requestJson } from '../testing/http-client.ts'
import { useTestServer } from '../testing/use-test-server.ts'
import { ANALYSES_KEPT, analysisRuns, keptAnalysisCount } from './stored-analysis.ts'

const server = useTestServer()
const DAY = 24 * 60 * 60 * 1000

const docs = new Map<string, Y.Doc>()

/** start → one step of `hours` → end, as one stored update (written straight to storage, seq 1). */
async function storeMap(boardId: string, hours: number, createdAt: number) {
  const storage = server.storage
  expect(await storage.createBoard({ id: boardId, title: 'Cached', now: createdAt })).toMatchObject({
    ok: true,
  })
  const doc = new Y.Doc()
  writeRecords(doc, [
    workflowShape('event', { id: 'start', props: { kind: 'start' } }),
    workflowShape('step', { id: 'work', props: { label: 'Work', estimate: hours } }),
    workflowShape('event', { id: 'end', props: { kind: 'end' } }),
    ...connector({ id: 'c1', from: 'start', to: 'work' }),
    ...connector({ id: 'c2', from: 'work', to: 'end' }),
  ])
  docs.set(boardId, doc)
  return storage.appendUpdate({
    boardId,
    time: createdAt,
    userId: 'ada',
    userName: 'Ada',
    clientId: doc.clientID,
    update: Y.encodeStateAsUpdate(doc),
  })
}

/** One more stored update to the board, by another person: the step's estimate changed. */
async function storeEstimate(boardId: string, hours: number) {
  const doc = docs.get(boardId)!
  const known = Y.encodeStateVector(doc)
  writeRecords(doc, [workflowShape('step', { id: 'work', props: { label: 'Work', estimate: hours } })])
  return server.storage.appendUpdate({
    boardId,
    time: Date.now(),
    userId: 'bob',
    userName: 'Bob',
    clientId: doc.clientID,
    update: Y.encodeStateAsUpdate(doc, known),
  })
}

const insightsOf = async (id: string) => {
  const answer = await requestJson(`${server.server.url}/api/boards/${id}/insights`)
  expect(answer.status).toBe(200)
  return answer.body as InsightsBody
}

describe('the analysis kept per stored version', () => {
  it('a second GET /insights of an unchanged board runs no analysis; the export reuses it too', async () => {
    await server.start()
    await storeMap('kept', 3, Date.now())
    const before = analysisRuns(server.storage)
    const first = await insightsOf('kept')
    expect(analysisRuns(server.storage)).toBe(before + 1)
    const again = await insightsOf('kept')
    expect(analysisRuns(server.storage)).toBe(before + 1)
    expect(again).toEqual(first)
    const exported = await requestJson(`${server.server.url}/api/boards/kept/export.json`)
    expect(exported.status).toBe(200)
    expect((exported.body as { insights: unknown }).insights).toEqual(first.insights)
    expect(analysisRuns(server.storage)).toBe(before + 1)
  })

  it('an edit is a new version: the answer changes', async () => {
    await server.start()
    await storeMap('edited', 3, Date.now())
    expect((await insightsOf('edited')).insights.criticalPath.hours).toBe(3)
    const runs = analysisRuns(server.storage)
    await storeEstimate('edited', 8)
    const after = await insightsOf('edited')
    expect(after.seq).toBe(2)
    expect(after.contributors).toBe(2)
    expect(after.insights.criticalPath.hours).toBe(8)
    expect(analysisRuns(server.storage)).toBe(runs + 1)
  })

  it('a board purged and created again under the same id, at the same seq, gets fresh figures', async () => {
    await server.start()
    const storage = server.storage
    const old = Date.now() - 40 * DAY
    expect(await storeMap('again', 3, old)).toBe(1)
    expect((await insightsOf('again')).insights.criticalPath.hours).toBe(3)
    await storage.markBoardDeleted('again', old)
    expect(await storage.purgeBoardsDeletedBefore(Date.now() - 30 * DAY)).toEqual(['again'])
    // The new board's one update is seq 1 again, with one contributor: only its creation time differs.
    expect(await storeMap('again', 7, Date.now())).toBe(1)
    const fresh = await insightsOf('again')
    expect(fresh).toMatchObject({ seq: 1, contributors: 1 })
    expect(fresh.insights.criticalPath.hours).toBe(7)
  })

  it(`keeps at most ${ANALYSES_KEPT} versions, dropping the least recently read`, async () => {
    await server.start()
    const ids = Array.from({ length: ANALYSES_KEPT + 1 }, (_, index) => `many-${index}`)
    for (const id of ids) await storeMap(id, 1, Date.now())
    await insightsOf(ids[0]!)
    for (const id of ids.slice(1, ANALYSES_KEPT)) await insightsOf(id)
    await insightsOf(ids[0]!) // read again: now the most recently used
    await insightsOf(ids[ANALYSES_KEPT]!) // one too many: many-1 goes, not many-0
    expect(keptAnalysisCount(server.storage)).toBe(ANALYSES_KEPT)
    const runs = analysisRuns(server.storage)
    await insightsOf(ids[0]!)
    expect(analysisRuns(server.storage)).toBe(runs)
    await insightsOf(ids[1]!)
    expect(analysisRuns(server.storage)).toBe(runs + 1)
  })
})
