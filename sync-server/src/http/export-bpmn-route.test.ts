import { approvalRoles, cleanApprovalMap, readBpmnWithModdle } from '@flowmap/shared/testing'
import { describe, expect, it } from 'vitest'
import { createBoardOverApi } from '../testing/http-client.ts'
import { expectReadAccessRules } from '../testing/read-access-checks.ts'
import { seedBoard } from '../testing/seed-board.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer()

describe('GET /api/boards/:id/export.bpmn', () => {
  it("answers the stored board as BPMN XML, a download named after the board's title", async () => {
    await server.start()
    const id = await seedBoard(server.url, {
      title: 'Contract review: Q3/Ü',
      roles: approvalRoles,
      records: cleanApprovalMap(),
    })
    const response = await fetch(`${server.url}/api/boards/${id}/export.bpmn`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/bpmn+xml; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Contract review_ Q3__.bpmn"; filename*=UTF-8''Contract%20review_%20Q3_%C3%9C.bpmn`,
    )
    const { rootType, warnings, elementsById } = await readBpmnWithModdle(await response.text())
    expect(warnings).toEqual([])
    expect(rootType).toBe('bpmn:Definitions')
    expect(elementsById.Participant_board).toMatchObject({ name: 'Contract review: Q3/Ü' })
    expect(elementsById.intake).toMatchObject({ $type: 'bpmn:UserTask', name: 'Intake' })
    expect(elementsById.approve).toMatchObject({ $type: 'bpmn:ExclusiveGateway', name: 'Approve?' })
  })

  it('answers 404 for a board that does not exist, 405 for another method', async () => {
    await server.start()
    const missing = await fetch(`${server.url}/api/boards/no-such-board/export.bpmn`)
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).toContain('application/json')
    const id = await createBoardOverApi(server.url, { title: 'Empty' })
    expect((await fetch(`${server.url}/api/boards/${id}/export.bpmn`, { method: 'POST' })).status).toBe(405)
    // An empty board exports too: a pool with no process.
    const empty = await fetch(`${server.url}/api/boards/${id}/export.bpmn`)
    expect(empty.status).toBe(200)
    expect((await readBpmnWithModdle(await empty.text())).warnings).toEqual([])
  })

  it('needs a token that opens the board; a viewer may export it', async () => {
    await server.start({ authSecret: TEST_SECRET })
    const admin = await testToken({ sub: 'ada', name: 'Ada', board: '*', role: 'facilitator' })
    const id = await createBoardOverApi(server.url, { title: 'Secret plans', token: admin })
    const answer = await expectReadAccessRules(`${server.url}/api/boards/${id}/export.bpmn`, id)
    expect(answer.headers.get('content-type')).toBe('application/bpmn+xml; charset=utf-8')
    expect(answer.body).toEqual(expect.stringContaining('name="Secret plans"'))
  })
})
