import { existsSync } from 'node:fs'
import { writeRecord } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { describe, expect, it } from 'vitest'
import { useTestServer } from './use-test-server.ts'

describe('useTestServer', () => {
  const server = useTestServer()
  let previous: { url: string; dataDir: string; tempDir: string } | null = null
  let clientEnded = false

  it('starts a real server on a free port with a data dir of its own', async () => {
    await server.start()
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    const client = server.connect('fixture-board')
    await client.synced
    client.doc.on('destroy', () => {
      clientEnded = true
    })
    previous = { url: server.url, dataDir: server.dataDir, tempDir: server.tempDir() }
    expect(existsSync(previous.dataDir)).toBe(true)
  })

  it('ends the previous test’s server, clients and temp dirs before the next test', async () => {
    if (previous === null) throw new Error('the first test did not run')
    await expect(fetch(`${previous.url}/healthz`)).rejects.toThrow()
    expect(existsSync(previous.dataDir)).toBe(false)
    expect(existsSync(previous.tempDir)).toBe(false)
    expect(clientEnded).toBe(true)
    expect(() => server.server).toThrow(/no test server is running: call start\(\) first/)
  })

  it('restarts on the same data dir, keeping what was stored', async () => {
    await server.start()
    const dataDir = server.dataDir
    const writer = server.connect('kept')
    await writer.synced
    writeRecord(writer.doc, workflowShape('step', { id: 'kept', props: { label: 'Kept' } }))
    await writer.acknowledged()
    server.end(writer)
    await server.restart()
    expect(server.dataDir).toBe(dataDir)
    expect(await server.storage.lastSeq('kept')).toBeGreaterThan(0)
  })
})
