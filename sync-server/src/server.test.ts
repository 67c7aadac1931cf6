import { readRecord, readRecords, writeRecord } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { describe, expect, it, vi } from 'vitest'
import { useTestServer } from './testing/use-test-server.ts'

const server = useTestServer()

describe('sync server', () => {
  it('two clients converge on concurrent edits and a later client gets the full state', async () => {
    await server.start()
    const alice = server.connect('converge')
    const bob = server.connect('converge')
    await Promise.all([alice.synced, bob.synced])

    // Concurrent: both write before either sees the other's change, to the same record and to others.
    writeRecord(
      alice.doc,
      workflowShape('step', { id: 'shared', x: 100, props: { label: 'Alice names it' } }),
    )
    writeRecord(bob.doc, workflowShape('step', { id: 'shared', y: 50, props: { status: 'doing' } }))
    writeRecord(alice.doc, workflowShape('decision', { id: 'alices', props: { question: 'Approved?' } }))
    writeRecord(bob.doc, workflowShape('artifact', { id: 'bobs', props: { label: 'Invoice' } }))
    await Promise.all([alice.acknowledged(), bob.acknowledged()])

    await vi.waitFor(() => {
      expect(readRecords(alice.doc)).toHaveLength(3)
      expect(sortById(readRecords(bob.doc))).toEqual(sortById(readRecords(alice.doc)))
    })
    const carol = server.connect('converge')
    await carol.synced
    expect(sortById(readRecords(carol.doc))).toEqual(sortById(readRecords(alice.doc)))
    expect(readRecord(carol.doc, 'shape:bobs')).toMatchObject({ props: { label: 'Invoice' } })
  })

  it('keeps every board across a restart of the server', async () => {
    await server.start()
    const writer = server.connect('durable')
    await writer.synced
    for (let i = 0; i < 5; i++) {
      writeRecord(writer.doc, workflowShape('step', { id: `s${i}`, props: { label: `Step ${i}` } }))
    }
    await writer.acknowledged()
    writer.destroy()

    await server.restart()
    const reader = server.connect('durable')
    await reader.synced
    expect(sortById(readRecords(reader.doc))).toEqual(sortById(readRecords(writer.doc)))
    expect(readRecords(reader.doc)).toHaveLength(5)
  })
})

function sortById<T extends { id: string }>(records: T[]): T[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : 1))
}
