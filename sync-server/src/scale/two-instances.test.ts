/**
 * Two sync-server instances on one Postgres, relaying through one Redis (real servers, started here on
 * free loopback ports): clients of one board on different instances converge, see each other's
 * presence, every update is stored once (by the instance that received it), and a server-made write on
 * one instance reaches the clients of the other. Then Redis restarted under edits: both instances keep
 * serving, and the board converges once it is back.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  PEOPLE_MESSAGE_TYPE,
  parseStatelessMessage,
  REMOVED_MESSAGE_TYPE,
  readRecord,
  readRecords,
  restoreBoard,
  writeRecord,
} from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { ServerConfig } from '../config.ts'
import { type RunningServer, startFlowmapServer } from '../server.ts'
import { type BoardClient, connectBoard } from '../testing/board-client.ts'
import { collabUrlOf } from '../testing/collab-url.ts'
import { requestJson } from '../testing/http-client.ts'
import { postFile } from '../testing/import-client.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { usePostgresAndRedis } from '../testing/use-postgres-and-redis.ts'

const ARRIVES = { timeout: 15_000, interval: 25 }

const services = usePostgresAndRedis()

const ends: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const end of ends.splice(0).reverse()) await end()
})

/** Two instances on a fresh schema of the one Postgres, both relaying through the one Redis. */
async function twoInstances(): Promise<[RunningServer, RunningServer]> {
  const databaseUrl = await services.postgres.createSchema()
  const start = async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'flowmap-instance-'))
    const config: Partial<ServerConfig> = {
      port: 0,
      host: '127.0.0.1',
      logLevel: 'silent',
      clientDir: null,
      dataDir,
      databaseUrl,
      redisUrl: services.redis.url,
      authSecret: TEST_SECRET,
    }
    const server = await startFlowmapServer(config)
    ends.push(async () => {
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    })
    return server
  }
  return [await start(), await start()]
}

async function client(server: RunningServer, board: string, sub: string): Promise<BoardClient> {
  const token = await testToken({ sub, name: sub.toUpperCase(), board, role: 'facilitator' })
  const connected = connectBoard(collabUrlOf(server.url), board, { token })
  ends.push(() => connected.destroy())
  await connected.synced
  return connected
}

/** The last people list the server sent this client. */
function lastPeople(client: BoardClient) {
  for (const payload of [...client.stateless].reverse()) {
    const parsed = parseStatelessMessage(payload)
    if (parsed.ok && parsed.message.type === PEOPLE_MESSAGE_TYPE) return parsed.message.people
  }
  return []
}

const step = (id: string, label: string) => workflowShape('step', { id, props: { label } })
const shapeLabels = (doc: Y.Doc) =>
  readRecords(doc).flatMap((record) =>
    record.typeName === 'shape' ? [(record.props as { label?: string }).label] : [],
  )
const labelOf = (doc: Y.Doc, id: string) =>
  (readRecord(doc, `shape:${id}`) as { props?: { label?: string } } | undefined)?.props?.label

describe('two instances, one Postgres, one Redis', () => {
  it('clients on different instances converge and see each other, and each update is stored once', async () => {
    const [a, b] = await twoInstances()
    const board = 'relayed'
    const ada = await client(a, board, 'ada')
    const bo = await client(b, board, 'bo')

    for (let i = 0; i < 10; i++) {
      const author = i % 2 === 0 ? ada : bo
      writeRecord(author.doc, step(`s${i}`, `edit ${i}`))
    }
    await Promise.all([ada.acknowledged(), bo.acknowledged()])
    await vi.waitFor(() => {
      expect(labelOf(ada.doc, 's9')).toBe('edit 9')
      expect(labelOf(bo.doc, 's8')).toBe('edit 8')
    }, ARRIVES)
    expect(Y.encodeStateVector(ada.doc)).toEqual(Y.encodeStateVector(bo.doc))

    // Presence crosses too: each sees the other's awareness state.
    ada.provider.setAwarenessField('user', { name: 'Ada' })
    bo.provider.setAwarenessField('user', { name: 'Bo' })
    await vi.waitFor(() => {
      expect(bo.provider.awareness?.getStates().get(ada.doc.clientID)).toMatchObject({
        user: { name: 'Ada' },
      })
      expect(ada.provider.awareness?.getStates().get(bo.doc.clientID)).toMatchObject({ user: { name: 'Bo' } })
    }, ARRIVES)

    // The people list each page gets names both, each with the presence ID the server saw.
    await vi.waitFor(() => {
      for (const [reader, expected] of [
        [ada, bo],
        [bo, ada],
      ] as const) {
        const people = lastPeople(reader)
        expect(people.map((person) => person.userId).sort()).toEqual(['ada', 'bo'])
        expect(
          people.find((person) => person.userId === (expected === ada ? 'ada' : 'bo'))?.clientIds,
        ).toContain(expected.doc.clientID)
      }
    }, ARRIVES)

    // One history entry per edit (the board's first entry aside), gap-free, each by its sender: the
    // instance that relayed an update never stored it again.
    const history = await a.storage.readHistory(board, { afterSeq: 0, limit: 1000 })
    const edits = history.filter((entry) => entry.userId !== null)
    expect(history.map((entry) => entry.seq)).toEqual(history.map((_, index) => index + 1))
    expect(edits.map((entry) => entry.userId).sort()).toEqual([
      ...Array(5).fill('ada'),
      ...Array(5).fill('bo'),
    ])
    const replayed = new Y.Doc()
    for (const entry of history) Y.applyUpdate(replayed, entry.update)
    expect(readRecords(replayed).filter((record) => record.typeName === 'shape')).toHaveLength(10)
  })

  it('a server-made write (an import over HTTP) and a restore on one instance reach a client on the other', async () => {
    const [a, b] = await twoInstances()
    const board = 'imported'
    const bo = await client(b, board, 'bo')
    const ada = await client(a, board, 'ada')
    writeRecord(ada.doc, step('before', 'drawn first'))
    await ada.acknowledged()
    await vi.waitFor(() => expect(labelOf(bo.doc, 'before')).toBe('drawn first'), ARRIVES)

    const token = await testToken({ sub: 'ada', name: 'Ada', board, role: 'facilitator' })
    const mermaid = 'flowchart LR\n  A[Order in] --> B[Ship it]\n'
    const imported = await postFile(`${a.url}/api/boards/${board}/import?format=mermaid`, mermaid, { token })
    expect(imported.status).toBe(200)
    await vi.waitFor(() => {
      expect(shapeLabels(bo.doc)).toEqual(expect.arrayContaining(['Order in', 'Ship it', 'drawn first']))
    }, ARRIVES)
    // Stored once, in Ada's name, on the instance that made it.
    const history = await b.storage.readHistory(board, { afterSeq: 0, limit: 1000 })
    expect(history.filter((entry) => entry.userId === 'ada')).toHaveLength(2)

    // Ada, on A, restores the moment before the import (replay's restore): Bo on B sees it undone.
    const beforeImport = new Y.Doc()
    for (const entry of history.slice(0, -1)) Y.applyUpdate(beforeImport, entry.update)
    restoreBoard(ada.doc, beforeImport)
    await ada.acknowledged()
    await vi.waitFor(() => {
      expect(shapeLabels(bo.doc)).toEqual(['drawn first'])
    }, ARRIVES)
  })

  it("a facilitator's removal and a board's deletion on one instance reach the connections on the other", async () => {
    const [a, b] = await twoInstances()
    const board = 'facilitated'
    const fay = await client(a, board, 'fay')
    const bo = await client(b, board, 'bo')
    const cy = await client(b, board, 'cy')
    writeRecord(fay.doc, step('shared', 'everyone sees this'))
    await vi.waitFor(() => expect(labelOf(bo.doc, 'shared')).toBe('everyone sees this'), ARRIVES)

    const facilitator = await testToken({ sub: 'fay', name: 'Fay', board, role: 'facilitator' })
    const removed = await requestJson(`${a.url}/api/boards/${board}/people`, {
      method: 'POST',
      token: facilitator,
      body: { userId: 'bo', change: 'removed' },
    })
    expect(removed.status).toBe(200)
    // Bo, on the other instance, is told and his socket closed; reconnecting, he is refused.
    await vi.waitFor(() => {
      expect(bo.stateless.some((message) => message.includes(REMOVED_MESSAGE_TYPE))).toBe(true)
      expect(bo.authFailures.length).toBeGreaterThan(0)
    }, ARRIVES)

    const deleted = await requestJson(`${a.url}/api/boards/${board}`, {
      method: 'DELETE',
      token: facilitator,
    })
    expect(deleted.status).toBe(200)
    // Cy's socket on the other instance closes, and the board is refused to him as deleted.
    await vi.waitFor(() => expect(cy.authFailures.join(' ')).toMatch(/deleted/), ARRIVES)
  })

  it('Redis restarted under edits: each instance keeps its own clients, and the board converges after', async () => {
    const [a, b] = await twoInstances()
    const board = 'redis-restart'
    const ada = await client(a, board, 'ada')
    const bo = await client(b, board, 'bo')
    writeRecord(ada.doc, step('first', 'before the restart'))
    await vi.waitFor(() => expect(labelOf(bo.doc, 'first')).toBe('before the restart'), ARRIVES)

    await services.redis.shutdown()
    // /healthz names Redis; both keep acknowledging their own clients' edits (stored in Postgres).
    await vi.waitFor(async () => {
      const health = await requestJson(`${a.url}/healthz`)
      expect(health.status).toBe(503)
      expect(health.body).toMatchObject({
        dependencies: { storage: { status: 'ok', kind: 'postgres' }, redis: { status: 'unavailable' } },
      })
    }, ARRIVES)
    writeRecord(ada.doc, step('from-ada', 'while Redis was down'))
    writeRecord(bo.doc, step('from-bo', 'also while Redis was down'))
    await Promise.all([ada.acknowledged(), bo.acknowledged()])
    await services.redis.restart()
    await vi.waitFor(async () => expect((await requestJson(`${b.url}/healthz`)).status).toBe(200), ARRIVES)

    await vi.waitFor(
      () => {
        expect(labelOf(bo.doc, 'from-ada')).toBe('while Redis was down')
        expect(labelOf(ada.doc, 'from-bo')).toBe('also while Redis was down')
      },
      { timeout: 30_000, interval: 50 },
    )
    await vi.waitFor(() => expect(Y.encodeStateVector(ada.doc)).toEqual(Y.encodeStateVector(bo.doc)), ARRIVES)
    // And the relay works on as before.
    writeRecord(bo.doc, step('after', 'after the restart'))
    await vi.waitFor(() => expect(labelOf(ada.doc, 'after')).toBe('after the restart'), ARRIVES)
  })
})
