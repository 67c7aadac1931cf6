import { patchRecord, readRecord, writeRecord } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { loadBoardDoc } from '../boards/load-board.ts'
import type { BoardClient } from '../testing/board-client.ts'
import { openRawBoardSocket } from '../testing/raw-socket.ts'
import { recordInSchema, schemaWithStepAt, writeAsClientOf } from '../testing/schema-skew.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer()
function client(boardId: string): BoardClient {
  return server.connect(boardId)
}

const validStep = workflowShape('step', { id: 'bad', props: { label: 'Looks fine' } })
const { label: _dropped, ...propsWithoutLabel } = validStep.props

const malformed = [
  {
    what: 'a wrong prop type',
    record: { ...validStep, props: { ...validStep.props, status: 42 } },
    reason: /status/,
  },
  { what: 'an unknown shape type', record: { ...validStep, type: 'spaceship' }, reason: /spaceship/ },
  { what: 'a missing field', record: { ...validStep, props: propsWithoutLabel }, reason: /label/ },
]

describe('validation', () => {
  it.each(malformed)(
    'refuses $what: sender told why, others never see it, storage never has it, sender recovers',
    async ({ record, reason }) => {
      await server.start()
      const board = 'refusals'
      const alice = client(board)
      const bob = client(board)
      await Promise.all([alice.synced, bob.synced])
      writeRecord(alice.doc, workflowShape('step', { id: 'good', props: { label: 'Acknowledged before' } }))
      await alice.acknowledged()

      // writeRecord trusts its input (honest clients validate first); a buggy or hostile one does not.
      writeRecord(alice.doc, record as unknown as typeof validStep)
      await vi.waitFor(() => expect(alice.rejections).toHaveLength(1))
      expect(alice.rejections[0]).toMatchObject({
        type: 'rejected',
        code: 'invalid-record',
        recordId: 'shape:bad',
      })
      expect(alice.rejections[0]!.reason).toMatch(reason)

      // A later change from someone else reaches Bob; the refused record never did.
      const carol = client(board)
      await carol.synced
      writeRecord(carol.doc, workflowShape('event', { id: 'marker', props: { kind: 'end' } }))
      await carol.acknowledged()
      await vi.waitFor(() => expect(readRecord(bob.doc, 'shape:marker')).toBeDefined())
      expect(readRecord(bob.doc, 'shape:bad')).toBeUndefined()
      expect(readRecord(carol.doc, 'shape:bad')).toBeUndefined()

      const stored = await loadBoardDoc(server.server.storage, board)
      expect(readRecord(stored.doc, 'shape:bad')).toBeUndefined()
      expect(readRecord(stored.doc, 'shape:good')).toBeDefined()

      // The refusal protocol's reset: a fresh doc (new client id) from the server's state.
      const reset = client(board)
      await reset.synced
      expect(readRecord(reset.doc, 'shape:good')).toMatchObject({ props: { label: 'Acknowledged before' } })
      expect(readRecord(reset.doc, 'shape:bad')).toBeUndefined()
      writeRecord(reset.doc, workflowShape('step', { id: 'after', props: { label: 'Synced after reset' } }))
      await reset.acknowledged()
      await vi.waitFor(() => expect(readRecord(bob.doc, 'shape:after')).toBeDefined())
      expect(readRecord((await loadBoardDoc(server.server.storage, board)).doc, 'shape:after')).toBeDefined()
    },
  )

  it("accepts a write that deletes a meta key (undoing a lane's first join to a pool) and stores it", async () => {
    await server.start()
    const board = 'meta-delete'
    const alice = client(board)
    await alice.synced
    const lone = workflowShape('lane', { id: 'lane' })
    const joined = { ...lone, meta: { pool: 'shape:lane' } }
    writeRecord(alice.doc, joined)
    await alice.acknowledged()
    patchRecord(alice.doc, joined.id, joined, lone)
    await alice.acknowledged()
    expect(alice.rejections).toEqual([])
    expect(readRecord((await loadBoardDoc(server.server.storage, board)).doc, 'shape:lane')?.meta).toEqual({})
  })

  it('accepts a record written with an older schema it can migrate, refuses one from a newer schema', async () => {
    await server.start()
    const older = schemaWithStepAt(0)
    const step = workflowShape('step', { id: 'old', props: { label: 'Written by an old client' } })
    const migrated = recordInSchema(step, older)
    expect(migrated).not.toEqual(step)

    const oldClient = client('skewed')
    await oldClient.synced
    writeAsClientOf(oldClient.doc, older, migrated)
    await oldClient.acknowledged()
    expect(oldClient.rejections).toEqual([])
    expect(readRecord((await loadBoardDoc(server.server.storage, 'skewed')).doc, 'shape:old')).toBeDefined()

    const newClient = client('ahead')
    await newClient.synced
    writeAsClientOf(
      newClient.doc,
      schemaWithStepAt(99),
      workflowShape('step', { id: 'future', props: { label: 'From the future' } }),
    )
    await vi.waitFor(() => expect(newClient.rejections).toHaveLength(1))
    expect(newClient.rejections[0]).toMatchObject({ code: 'invalid-record', recordId: 'shape:future' })
  })

  it('refuses an oversized message without crashing, and cuts off a frame far over the limit', async () => {
    await server.start({ maxMessageBytes: 4096 })
    const board = 'big'
    const sender = server.track(openRawBoardSocket(server.collabUrl, board, ''))
    expect(await sender.scope).toBe('read-write')
    const doc = new Y.Doc()
    writeRecord(doc, workflowShape('step', { id: 'huge', props: { label: 'x'.repeat(6000) } }))
    sender.sendUpdate(Y.encodeStateAsUpdate(doc))
    await vi.waitFor(() => expect(sender.stateless).toHaveLength(1))
    expect(JSON.parse(sender.stateless[0]!)).toMatchObject({
      type: 'rejected',
      code: 'too-large',
      recordId: null,
      // The limit, so that the sender can send its changes again in parts that fit.
      limit: 4096,
    })
    expect(JSON.parse(sender.stateless[0]!).reason).toMatch(/larger than the 4096-byte limit/)

    const flood = server.track(openRawBoardSocket(server.collabUrl, board, ''))
    await flood.scope
    flood.sendBytes(new Uint8Array(3 * 4096))
    expect(await flood.closed).toBe(1009)

    // Still serving: health, and a normal client syncs; the big record was never stored.
    expect((await fetch(`${server.server.url}/healthz`)).status).toBe(200)
    const after = client(board)
    await after.synced
    writeRecord(after.doc, workflowShape('step', { id: 'small', props: { label: 'fits' } }))
    await after.acknowledged()
    expect(readRecord((await loadBoardDoc(server.server.storage, board)).doc, 'shape:huge')).toBeUndefined()
    expect(readRecord((await loadBoardDoc(server.server.storage, board)).doc, 'shape:small')).toBeDefined()
  })
})
