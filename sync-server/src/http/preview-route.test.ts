import { type BoardPreview, writeRecords } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { describe, expect, it } from 'vitest'
import type { BoardClient } from '../testing/board-client.ts'
import { createBoardOverApi, requestJson } from '../testing/http-client.ts'
import { expectReadAccessRules } from '../testing/read-access-checks.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer()
type PreviewBody = { boardId: string; seq: number; preview: BoardPreview }

async function boardWithWriter(token = ''): Promise<{ id: string; writer: BoardClient }> {
  const id = await createBoardOverApi(server.server.url, { title: 'Preview me', token })
  const writer = server.connect(id, { token })
  await writer.synced
  return { id, writer }
}

describe('GET /api/boards/:id/preview', () => {
  it("draws the stored board's shapes where they are on the page, and follows later edits", async () => {
    await server.start()
    const { id, writer } = await boardWithWriter()
    writeRecords(writer.doc, [
      workflowShape('lane', { id: 'lane', x: 100, y: 100, props: { w: 800, h: 200 } }),
      workflowShape('step', { id: 'in', parentId: 'shape:lane', x: 200, y: 40, props: { w: 160, h: 90 } }),
    ])
    await writer.acknowledged()
    const url = `${server.server.url}/api/boards/${id}/preview`
    const first = await requestJson(url)
    expect(first.status).toBe(200)
    expect((first.body as PreviewBody).preview.boxes).toEqual([
      { x: 100, y: 100, w: 800, h: 200, kind: 'lane' },
      { x: 300, y: 140, w: 160, h: 90, kind: 'step' },
    ])

    // A later edit shows in the next preview (a stored preview is only reused while the board is unchanged).
    writeRecords(writer.doc, [workflowShape('decision', { id: 'ok', x: 1000, y: 120 })])
    await writer.acknowledged()
    const second = (await requestJson(url)).body as PreviewBody
    expect(second.seq).toBeGreaterThan((first.body as PreviewBody).seq)
    expect(second.preview.boxes.map((box) => box.kind)).toEqual(['lane', 'step', 'decision'])
    expect((await requestJson(url)).body).toEqual(second)

    expect((await requestJson(`${server.server.url}/api/boards/nope/preview`)).status).toBe(404)
    expect((await requestJson(url, { method: 'POST' })).status).toBe(405)
  })

  it('applies the board access rules', async () => {
    await server.start({ authSecret: TEST_SECRET })
    const admin = await testToken({ sub: 'ada', name: 'Ada', board: '*', role: 'facilitator' })
    const { id } = await boardWithWriter(admin)
    await expectReadAccessRules(`${server.server.url}/api/boards/${id}/preview`, id)
  })
})
