import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeRecord } from '@flowmap/shared'
import { workflowShape } from '@flowmap/shared/testing'
import { describe, expect, it } from 'vitest'
import { requestJson } from '../testing/http-client.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer()
function url(path: string): string {
  return `${server.server.url}${path}`
}

describe('operational routes', () => {
  it('answers /healthz 200 while storage works and 503 once it does not', async () => {
    await server.start()
    expect(await requestJson(url('/healthz'))).toMatchObject({ status: 200, body: { status: 'ok' } })
    expect((await requestJson(url('/healthz'), { method: 'POST' })).status).toBe(405)
    await server.server.storage.close()
    expect(await requestJson(url('/healthz'))).toMatchObject({ status: 503, body: { status: 'unavailable' } })
  })

  it('serves /config.json with the licence key, whether auth is on and the deleted-board retention', async () => {
    await server.start({
      tldrawLicenseKey: 'tldraw-key-123',
      authSecret: TEST_SECRET,
      deletedBoardRetentionMs: 7 * 24 * 60 * 60 * 1000,
    })
    expect(await requestJson(url('/config.json'))).toMatchObject({
      status: 200,
      body: { tldrawLicenseKey: 'tldraw-key-123', authRequired: true, deletedBoardRetentionDays: 7 },
    })
    expect((await requestJson(url('/config.json'), { method: 'PUT' })).status).toBe(405)
    await server.stop()
    await server.start()
    expect((await requestJson(url('/config.json'))).body).toEqual({
      tldrawLicenseKey: null,
      authRequired: false,
      deletedBoardRetentionDays: 30,
    })
  })

  it('exposes Prometheus metrics that move with the traffic', async () => {
    await server.start()
    const client = server.connect('measured')
    await client.synced
    writeRecord(client.doc, workflowShape('step', { id: 'one', props: { label: 'counted' } }))
    await client.acknowledged()
    const metrics = await requestJson(url('/metrics'))
    expect(metrics.status).toBe(200)
    expect(metrics.headers.get('content-type')).toMatch(/text\/plain/)
    const text = String(metrics.body)
    expect(text).toMatch(/^flowmap_updates_accepted_total 1$/m)
    expect(text).toMatch(/^flowmap_connections 1$/m)
    expect(text).toMatch(/^flowmap_open_boards 1$/m)
    expect(text).toMatch(/^flowmap_storage_write_seconds_count\{operation="append"\} 1$/m)
    expect(text).toMatch(/^flowmap_message_bytes_total [1-9]\d*$/m)
    expect(await requestJson(url('/metrics'), { method: 'POST' })).toMatchObject({
      status: 405,
      body: { error: 'method-not-allowed' },
    })
  })

  it('accepts WebSocket upgrades on /collab only', async () => {
    await server.start()
    const elsewhere = new WebSocket(url('/somewhere').replace(/^http/, 'ws'))
    const outcome = await new Promise<string>((resolve) => {
      elsewhere.addEventListener('open', () => resolve('open'))
      elsewhere.addEventListener('error', () => resolve('refused'))
    })
    expect(outcome).toBe('refused')
    const collab = new WebSocket(`${server.collabUrl}?x=1`)
    expect(
      await new Promise<string>((resolve) => collab.addEventListener('open', () => resolve('open'))),
    ).toBe('open')
    collab.close()
  })
})

describe('the built client', () => {
  it('serves files with content types and cache headers, and index.html for app routes', async () => {
    const clientDir = server.tempDir()
    mkdirSync(join(clientDir, 'assets'))
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Flowmap</title>')
    writeFileSync(join(clientDir, 'assets', 'index-B4x9Kq2Z.js'), 'console.log(1)')
    writeFileSync(join(clientDir, 'sw.js'), 'self.addEventListener("fetch", () => {})')
    await server.start({ clientDir })

    const index = await fetch(url('/'))
    expect(index.status).toBe(200)
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(index.headers.get('cache-control')).toBe('no-cache')
    const asset = await fetch(url('/assets/index-B4x9Kq2Z.js'))
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(await asset.text()).toBe('console.log(1)')
    expect((await fetch(url('/sw.js'))).headers.get('cache-control')).toBe('no-cache')

    const deepLink = await fetch(url('/b/some-board?token=abc'))
    expect(deepLink.status).toBe(200)
    expect(await deepLink.text()).toContain('<title>Flowmap</title>')
    expect((await fetch(url('/assets/gone-12345678.js'))).status).toBe(404)
    const traversal = await fetch(url('/%2e%2e/%2e%2e/etc/passwd'))
    expect(await traversal.text()).not.toContain('root:')
    expect((await fetch(url('/'), { method: 'POST' })).status).toBe(405)
  })

  it('says the client is not built when there is none', async () => {
    const parent = server.tempDir()
    await server.start({ clientDir: join(parent, 'missing') })
    expect(await requestJson(url('/'))).toMatchObject({ status: 404, body: { error: 'client-not-built' } })
  })
})
