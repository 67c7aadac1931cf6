import {
  readContributorsBody,
  type SimulationSummary,
  type WorkflowInsights,
  writeRecords,
  writeRole,
} from '@flowmap/shared'
import { connector, workflowShape } from '@flowmap/shared/testing'
import { describe, expect, it } from 'vitest'
import { createBoardOverApi, requestJson } from '../testing/http-client.ts'
import { expectReadAccessRules } from '../testing/read-access-checks.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { useTestServer } from '../testing/use-test-server.ts'
import { summaryCases } from './simulation-summary.ts'
import { analysisRuns } from './stored-analysis.ts'

const server = useTestServer()
type InsightsBody = {
  boardId: string
  seq: number
  contributors: number
  insights: WorkflowInsights
  simulation: SimulationSummary
}

/** start → Draft (agent, 3h) → Approve (ops, 2h) → end, written by one person over the socket. */
async function seedBoard(token = ''): Promise<string> {
  const id = await createBoardOverApi(server.server.url, { title: 'Approvals', token })
  const writer = server.connect(id, { token })
  await writer.synced
  writeRole(writer.doc, { id: 'role:ops', name: 'Ops', color: '#3a3', kind: 'team' })
  writeRole(writer.doc, { id: 'role:bot', name: 'Agent', color: '#36c', kind: 'ai-agent' })
  writeRecords(writer.doc, [
    workflowShape('event', { id: 'start', props: { kind: 'start' } }),
    workflowShape('step', {
      id: 'draft',
      props: {
        label: 'Draft',
        owner: 'role:bot',
        automation: 'ai-agent',
        estimate: 3,
        wait: 1,
        completeAccurate: 90,
        accountable: ['role:ops'],
      },
    }),
    workflowShape('step', {
      id: 'approve',
      props: { label: 'Approve', owner: 'role:ops', estimate: 2, wait: 4, completeAccurate: 50 },
    }),
    workflowShape('event', { id: 'end', props: { kind: 'end' } }),
    ...connector({ id: 'c1', from: 'start', to: 'draft' }),
    ...connector({ id: 'c2', from: 'draft', to: 'approve' }),
    ...connector({ id: 'c3', from: 'approve', to: 'end' }),
  ])
  await writer.acknowledged()
  return id
}

describe('GET /api/boards/:id/insights', () => {
  it('returns the analysis of the stored board, with its contributors from the history', async () => {
    await server.start()
    const id = await seedBoard()
    const answer = await requestJson(`${server.server.url}/api/boards/${id}/insights`)
    expect(answer.status).toBe(200)
    const body = answer.body as InsightsBody
    expect(body).toMatchObject({ boardId: id, contributors: 1 })
    expect(body.insights.criticalPath).toMatchObject({
      nodeIds: ['shape:start', 'shape:draft', 'shape:approve', 'shape:end'],
      hours: 5,
    })
    expect(body.insights.handoffs.handoffs.map((handoff) => handoff.edgeId)).toEqual(['shape:c2'])
    expect(body.insights.automation.unreviewedAiStepIds).toEqual([])
    // Value stream along start → Draft → Approve → end: waits 1 + 4, process 3 + 2, % C&A 90 × 50.
    expect(body.insights.valueStream.total).toEqual({
      lead: 10,
      process: 5,
      wait: 5,
      activityRatio: 0.5,
      rolledCompleteAccurate: 45,
      flowEfficiency: 0.5,
    })
    expect(body.insights.valueStream.pathNodeIds).toEqual([
      'shape:start',
      'shape:draft',
      'shape:approve',
      'shape:end',
    ])
    // RACI: the agent does Draft, Ops answers for it; Ops does Approve, with no accountable role.
    expect(body.insights.raci).toEqual({
      roleIds: expect.arrayContaining(['role:ops', 'role:bot']),
      rows: [
        {
          nodeId: 'shape:draft',
          label: 'Draft',
          type: 'step',
          cells: { 'role:bot': ['R'], 'role:ops': ['A'] },
        },
        { nodeId: 'shape:approve', label: 'Approve', type: 'step', cells: { 'role:ops': ['R'] } },
      ],
    })
    // Approve (Ops, a team, by hand) reviews the agent's draft before the end.
    expect(body.insights.governance).toMatchObject({
      byPath: [{ steps: 2, automated: 1, aiAgent: 1, share: 0.5 }],
      unreviewedAiOutputs: [],
      automationCandidates: [{ stepId: 'shape:approve', process: 2, ownerId: 'role:ops' }],
    })
    expect(body.insights.maturity.map((score) => score.dimension)).toEqual([
      'clarity',
      'coordination',
      'completion',
      'collaboration',
    ])
    expect((await requestJson(`${server.server.url}/api/boards/nope/insights`)).status).toBe(404)
    expect(
      (await requestJson(`${server.server.url}/api/boards/${id}/insights`, { method: 'POST' })).status,
    ).toBe(405)
  })

  it('carries a Monte Carlo lead-time summary for a fixed seed, the same on every request', async () => {
    await server.start()
    const id = await seedBoard()
    const first = (await requestJson(`${server.server.url}/api/boards/${id}/insights`)).body as InsightsBody
    // Single-point times and no decision: every case takes waits 1 + 4 and process 3 + 2 = 10 hours.
    expect(first.simulation).toMatchObject({
      cases: 1000,
      seed: 1,
      cancelled: false,
      p50: 10,
      p95: 10,
      mean: 10,
    })
    expect(first.simulation).not.toHaveProperty('leadTimes')
    const again = (await requestJson(`${server.server.url}/api/boards/${id}/insights`)).body as InsightsBody
    expect(again.simulation).toEqual(first.simulation)
  })

  it('simulates fewer cases on a big map, never below 50', () => {
    expect(summaryCases(4)).toBe(1000)
    expect(summaryCases(1000)).toBe(250)
    expect(summaryCases(5000)).toBe(50)
    expect(summaryCases(100_000)).toBe(50)
  })

  it('applies the board access rules', async () => {
    await server.start({ authSecret: TEST_SECRET })
    const admin = await testToken({ sub: 'ada', name: 'Ada', board: '*', role: 'facilitator' })
    const id = await seedBoard(admin)
    const answer = await expectReadAccessRules(`${server.server.url}/api/boards/${id}/insights`, id)
    expect((answer.body as InsightsBody).contributors).toBe(1)
  })
})

describe('GET /api/boards/:id/contributors', () => {
  it('answers the contributor count and stored version alone, running no analysis', async () => {
    await server.start()
    const id = await seedBoard()
    const runs = analysisRuns(server.storage)
    const answer = await requestJson(`${server.server.url}/api/boards/${id}/contributors`)
    expect(answer.status).toBe(200)
    const read = readContributorsBody(answer.body)
    expect(read).toMatchObject({ ok: true, body: { boardId: id, contributors: 1 } })
    expect(answer.body).toEqual({ boardId: id, seq: await server.storage.lastSeq(id), contributors: 1 })
    expect(analysisRuns(server.storage)).toBe(runs)
  })

  it('applies the board access rules', async () => {
    await server.start({ authSecret: TEST_SECRET })
    const admin = await testToken({ sub: 'ada', name: 'Ada', board: '*', role: 'facilitator' })
    const id = await seedBoard(admin)
    const answer = await expectReadAccessRules(`${server.server.url}/api/boards/${id}/contributors`, id)
    expect((answer.body as { contributors: number }).contributors).toBe(1)
  })
})
