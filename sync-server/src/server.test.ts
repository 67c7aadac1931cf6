import { readRecord, readRecords, workflowShape, writeRecord } from '@flowmap/shared'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type BoardClient, connectBoard } from './testing/board-client.ts'
import { startTestServer, type TestServer } from './testing/test-server.ts'

let servers: TestServer[] = []
let clients: BoardClient[] = []

afterEach(async () => {
  for (const client of clients) client.destroy()
  clients = []
  for (const server of servers) await server.dispose()
  servers = []
})

async function serve(): Promise<TestServer> {
  const server = await startTestServer()
  servers.push(server)
  return server
}

function client(server: TestServer, boardId: string): BoardClient {
  const connected = connectBoard(server.collabUrl, boardId)
  clients.push(connected)
  return connected
}

describe('sync server', () => {
  it('two clients converge on concurrent edits and a later client gets the full state', async () => {
    const server = await serve()
    const alice = client(server, 'converge')
    const bob = client(server, 'converge')
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
    const carol = client(server, 'converge')
    await carol.synced
    expect(sortById(readRecords(carol.doc))).toEqual(sortById(readRecords(alice.doc)))
    expect(readRecord(carol.doc, 'shape:bobs')).toMatchObject({ props: { label: 'Invoice' } })
  })

  it('keeps every board across a restart of the server', async () => {
    let server = await serve()
    const writer = client(server, 'durable')
    await writer.synced
    for (let i = 0; i < 5; i++) {
      writeRecord(writer.doc, workflowShape('step', { id: `s${i}`, props: { label: `Step ${i}` } }))
    }
    await writer.acknowledged()
    writer.destroy()
    clients = []

    server = await server.restart()
    servers = [server]
    const reader = client(server, 'durable')
    await reader.synced
    expect(sortById(readRecords(reader.doc))).toEqual(sortById(readRecords(writer.doc)))
    expect(readRecords(reader.doc)).toHaveLength(5)
  })
})

function sortById<T extends { id: string }>(records: T[]): T[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : 1))
}
