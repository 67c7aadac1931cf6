import { readRecords } from '@flowmap/shared'
import {
  approvalRoles,
  cleanApprovalMap,
  documentRecord,
  pageRecord,
  workflowShape,
} from '@flowmap/shared/testing'
import { describe, expect, it } from 'vitest'
import { loadBoardDoc } from '../boards/load-board.ts'
import { seedBoard } from './seed-board.ts'
import { useTestServer } from './use-test-server.ts'

describe('seedBoard', () => {
  const server = useTestServer({ per: 'suite', config: {} })

  it('answers the new board once every record is stored, batch by batch', async () => {
    const records = [documentRecord(), pageRecord(), ...cleanApprovalMap()]
    const id = await seedBoard(server.url, { title: 'Seeded', records, roles: approvalRoles, batchSize: 4 })
    const stored = (await loadBoardDoc(server.storage, id)).doc
    expect(readRecords(stored)).toHaveLength(records.length)
    expect((await server.storage.getBoard(id))?.title).toBe('Seeded')
  })

  it('fails with the server’s reason when it refuses a record', async () => {
    const step = workflowShape('step', { id: 'bad' })
    const malformed = { ...step, props: { ...step.props, status: 42 } } as unknown as typeof step
    await expect(seedBoard(server.url, { title: 'Refused', records: [malformed] })).rejects.toThrow(
      /the server refused the seed: .*invalid-record.*props\.status/,
    )
  })
})
