import { mermaidToDraft } from '@flowmap/shared'
import { approvalRoles, cleanApprovalMap } from '@flowmap/shared/testing'
import { describe, expect, it } from 'vitest'
import { createBoardOverApi, requestJson } from '../testing/http-client.ts'
import { expectReadAccessRules } from '../testing/read-access-checks.ts'
import { seedBoard } from '../testing/seed-board.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer()

describe('GET /api/boards/:id/export.mmd', () => {
  it('answers the stored board as a Mermaid flowchart download that imports back whole', async () => {
    await server.start()
    const url = server.server.url
    const id = await seedBoard(url, {
      title: 'Legal / Q3 "fast"',
      roles: approvalRoles,
      records: cleanApprovalMap(),
    })
    const response = await fetch(`${url}/api/boards/${id}/export.mmd`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/vnd.mermaid; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Legal _ Q3 _fast_.mmd"; filename*=UTF-8''Legal%20_%20Q3%20_fast_.mmd`,
    )
    const text = await response.text()
    expect(text).toContain('flowchart LR')
    expect(text).toContain('subgraph lane_legal ["Legal"]')
    expect(text).toContain('approve -->|"yes"| sign')

    const read = mermaidToDraft(text)
    if (!read.ok) throw new Error(read.reason)
    const { draft } = read
    expect(draft.title).toBe('Legal / Q3 "fast"')
    expect(draft.roles).toEqual(approvalRoles)
    expect(draft.nodes.map((node) => [node.id, node.kind, node.label, node.containerId])).toEqual([
      ['intake', 'step', 'Intake', 'lane_legal'],
      ['approve', 'decision', 'Approve?', 'lane_legal'],
      ['reject', 'step', 'Reject', 'lane_legal'],
      ['start', 'event', '', null],
      ['sign', 'step', 'Sign', null],
      ['n_end', 'event', '', null],
    ])
    expect(draft.nodes.find((node) => node.id === 'sign')).toMatchObject({ owner: 'role:bot' })
    expect(draft.edges.map((edge) => [edge.from, edge.to, edge.flow, edge.branch])).toEqual([
      ['start', 'intake', 'sequence', null],
      ['intake', 'approve', 'sequence', null],
      ['approve', 'sign', 'sequence', 'yes'],
      ['approve', 'reject', 'sequence', 'no'],
      ['sign', 'n_end', 'sequence', null],
      ['reject', 'n_end', 'sequence', null],
      ['sign', 'intake', 'information', null],
    ])
  })

  it('answers 404 for an unknown board and 405 for another method', async () => {
    await server.start()
    const url = server.server.url
    const id = await createBoardOverApi(url, { title: 'Plain' })
    expect((await requestJson(`${url}/api/boards/no-such-board/export.mmd`)).status).toBe(404)
    expect((await requestJson(`${url}/api/boards/${id}/export.mmd`, { method: 'POST' })).status).toBe(405)
  })

  it('applies the board access rules: any reader of the board may export it', async () => {
    await server.start({ authSecret: TEST_SECRET })
    const admin = await testToken({ sub: 'ada', name: 'Ada', board: '*', role: 'facilitator' })
    const id = await createBoardOverApi(server.server.url, { title: 'Secret', token: admin })
    const answer = await expectReadAccessRules(`${server.server.url}/api/boards/${id}/export.mmd`, id)
    expect(answer.body).toEqual(expect.stringContaining('flowchart LR'))
  })
})
