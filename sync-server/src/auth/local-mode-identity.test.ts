import { localIdentityToken, writeRecord } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { describe, expect, it, vi } from 'vitest'
import { createBoardOverApi } from '../testing/http-client.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer()

const ADA = { id: 'pada000001', name: 'Ada' }
const BEN = { id: 'pben000002', name: 'Ben' }

async function senders(boardId: string): Promise<{ userId: string | null; userName: string | null }[]> {
  return (await server.storage.readHistory(boardId, { afterSeq: 0, limit: 1000 })).map(
    ({ userId, userName }) => ({ userId, userName }),
  )
}

async function writeStep(boardId: string, token: string, id: string): Promise<void> {
  const client = server.connect(boardId, { token })
  await client.synced
  writeRecord(client.doc, workflowShape('step', { id, props: { label: id } }))
  await client.acknowledged()
  server.end(client)
}

describe('who an edit is credited to', () => {
  it('in local mode, two browsers with their own identities are two people in the history', async () => {
    await server.start()
    const board = await createBoardOverApi(server.url, { token: localIdentityToken(ADA) })
    await writeStep(board, localIdentityToken(ADA), 'from-ada')
    await writeStep(board, localIdentityToken(BEN), 'from-ben')

    expect(await senders(board)).toEqual([
      { userId: 'local:pada000001', userName: 'Ada' },
      { userId: 'local:pada000001', userName: 'Ada' },
      { userId: 'local:pben000002', userName: 'Ben' },
    ])
    expect(await server.storage.contributorCount(board)).toBe(2)
  })

  it('in local mode, a rename sent on the open connection names the next edits; a different id is not taken', async () => {
    await server.start()
    const client = server.connect('renamed', { token: localIdentityToken(ADA) })
    await client.synced
    const edit = async (id: string) => {
      writeRecord(client.doc, workflowShape('step', { id, props: { label: id } }))
      await client.acknowledged()
    }
    await edit('before')
    client.provider.configuration.token = localIdentityToken({ ...ADA, name: 'Ada Lovelace' })
    await client.provider.sendToken()
    await edit('after-rename')
    client.provider.configuration.token = localIdentityToken(BEN)
    await client.provider.sendToken()
    await edit('after-id-change')

    expect(await senders('renamed')).toEqual([
      { userId: 'local:pada000001', userName: 'Ada' },
      { userId: 'local:pada000001', userName: 'Ada Lovelace' },
      { userId: 'local:pada000001', userName: 'Ada Lovelace' },
    ])
  })

  it('in local mode, a client that declares nobody (a tool, an older page) is the shared "Local user"', async () => {
    await server.start()
    await writeStep('tooling', '', 'from-a-script')
    expect(await senders('tooling')).toEqual([{ userId: 'local', userName: 'Local user' }])
  })

  it("with an auth secret, a declared identity opens nothing: it is no token, and the signed token's person wins", async () => {
    await server.start({ authSecret: TEST_SECRET })
    const forged = server.connect('signed', {
      token: localIdentityToken({ id: 'pforged01', name: 'Facilitator' }),
    })
    await vi.waitFor(() => expect(forged.authFailures.length).toBeGreaterThan(0))
    expect(forged.authFailures[0]).toMatch(/token is required/)

    const editor = await testToken({ sub: 'u_editor1', name: 'Edith', board: 'signed', role: 'editor' })
    await writeStep('signed', editor, 'from-edith')
    expect(await senders('signed')).toEqual([{ userId: 'u_editor1', userName: 'Edith' }])
  })
})
