import { readBoardExportBody } from '@flowmap/shared'
import { connector, workflowShape } from '@flowmap/shared/testing'
import { expect, it } from 'vitest'
import { requestJson } from '../testing/http-client.ts'
import { seedBoard } from '../testing/seed-board.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer()

/** Lane HR ⊃ Screen (wait 1 h, process 2 h, 80 % C&A, HR accountable); start → Screen → end, start ⇢ end. */
function seedHiringBoard(url: string): Promise<string> {
  return seedBoard(url, {
    title: 'Hiring',
    roles: [{ id: 'role:hr', name: 'HR', color: '#c33', kind: 'team' }],
    records: [
      workflowShape('lane', { id: 'hr', props: { label: 'HR', roleId: 'role:hr' } }),
      workflowShape('event', { id: 'start', props: { kind: 'start' } }),
      workflowShape('step', {
        id: 'screen',
        parentId: 'shape:hr',
        props: { label: 'Screen', wait: 1, estimate: 2, completeAccurate: 80, accountable: ['role:hr'] },
      }),
      workflowShape('event', { id: 'end', props: { kind: 'end' } }),
      ...connector({ id: 'c1', from: 'start', to: 'screen' }),
      ...connector({ id: 'c2', from: 'screen', to: 'end' }),
      ...connector({ id: 'd1', from: 'start', to: 'end', flow: 'dependency' }),
    ],
  })
}

it("the export's graph has the board's nodes, connectors, lanes and connector indexes, as JSON", async () => {
  await server.start()
  const url = server.server.url
  const id = await seedHiringBoard(url)
  const answer = await requestJson(`${url}/api/boards/${id}/export.json`)
  expect(answer.status).toBe(200)
  const read = readBoardExportBody(answer.body)
  if (!read.ok) throw new Error(read.reason)
  const { graph } = read.body
  expect(graph.nodes.map((node) => [node.id, node.laneId]).sort()).toEqual([
    ['shape:end', null],
    ['shape:screen', 'shape:hr'],
    ['shape:start', null],
  ])
  expect(graph.edges.map((edge) => [edge.id, edge.from, edge.to, edge.flow]).sort()).toEqual([
    ['shape:c1', 'shape:start', 'shape:screen', 'sequence'],
    ['shape:c2', 'shape:screen', 'shape:end', 'sequence'],
    ['shape:d1', 'shape:start', 'shape:end', 'dependency'],
  ])
  expect(graph.lanes.map((lane) => lane.id)).toEqual(['shape:hr'])
  expect(graph.outgoing).toEqual({
    'shape:start': expect.arrayContaining(['shape:c1', 'shape:d1']),
    'shape:screen': ['shape:c2'],
  })
  expect(graph.incoming).toEqual({
    'shape:screen': ['shape:c1'],
    'shape:end': expect.arrayContaining(['shape:c2', 'shape:d1']),
  })
  // The by-id maps are not sent: they were `{}` in JSON, and each list entry carries its id.
  expect(Object.keys(graph)).not.toContain('nodeById')
})

it('the export carries every metric of the Insights panel, the value stream, RACI and governance included', async () => {
  await server.start()
  const url = server.server.url
  const id = await seedHiringBoard(url)
  const read = readBoardExportBody((await requestJson(`${url}/api/boards/${id}/export.json`)).body)
  if (!read.ok) throw new Error(read.reason)
  const insights = read.body.insights!
  // Screen: wait 1 + process 2 = lead 3, on the only path; HR is responsible (its lane) and accountable.
  expect(insights.valueStream.total).toMatchObject({
    lead: 3,
    process: 2,
    wait: 1,
    rolledCompleteAccurate: 80,
  })
  expect(insights.raci.rows).toEqual([
    { nodeId: 'shape:screen', label: 'Screen', type: 'step', cells: { 'role:hr': ['R', 'A'] } },
  ])
  expect(insights.governance.byLane).toEqual([
    { laneId: 'shape:hr', label: 'HR', steps: 1, automated: 0, aiAgent: 0, share: 0 },
  ])
  expect(insights.criticalPath.hours).toBe(2)
  // One path of fixed times: every simulated case takes the lead time, 3 hours.
  expect(read.body.simulation).toMatchObject({ cases: 1000, seed: 1, p50: 3, p95: 3 })
})

it('the export reader names what is wrong with a body that is not an export', () => {
  const read = readBoardExportBody({ format: 'flowmap-board', version: 1 })
  expect(read).toMatchObject({ ok: false, reason: expect.stringContaining('the board export') })
})
