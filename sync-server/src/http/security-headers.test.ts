import { mkdirSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createBoardOverApi, requestJson } from '../testing/http-client.ts'
import { useTestServer } from '../testing/use-test-server.ts'
import { APP_CONTENT_SECURITY_POLICY, DATA_CONTENT_SECURITY_POLICY } from './security-headers.ts'

const server = useTestServer({ per: 'suite' })
let clientDir: string
let boardId: string

beforeAll(async () => {
  clientDir = server.tempDir()
  mkdirSync(join(clientDir, 'assets'))
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Flowmap</title>')
  writeFileSync(join(clientDir, 'assets', 'index-AbCdEfGh12.js'), 'console.log(1)')
  await server.start({ clientDir, maxJsonBodyBytes: 1024 })
  boardId = await createBoardOverApi(server.server.url, { title: 'headers' })
})

/** `:board` stands for the board created before the tests (the tables are built before it exists). */
function url(path: string): string {
  return `${server.server.url}${path.replace(':board', boardId)}`
}

/** Sends raw bytes and answers the status line, for request targets fetch would not send. */
function rawStatusLine(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.server.port, '127.0.0.1', () => socket.write(request))
    let received = ''
    socket.on('data', (chunk) => {
      received += chunk.toString()
      if (received.includes('\r\n')) {
        resolve(received.slice(0, received.indexOf('\r\n')))
        socket.destroy()
      }
    })
    socket.on('error', reject)
  })
}

describe('malformed percent-encoding in the path', () => {
  it.each([
    '/api/boards/%zz',
    '/api/boards/%zz/history',
    '/api/boards/%zz/history/at?seq=1',
    '/api/boards/%zz/versions',
    '/api/boards/%zz/export.json',
    '/api/boards/%E2%82/insights',
    '/assets/%zz.js',
    '/b/%zz',
  ])('GET %s answers 400 bad-path, not 500', async (path) => {
    const answer = await requestJson(url(path))
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({ error: 'bad-path' })
    expect((answer.body as { message: string }).message).toMatch(/percent-encoding/)
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('POST to a versions path with a bad encoding answers 400 too', async () => {
    const answer = await requestJson(url('/api/boards/%zz/versions'), { method: 'POST', body: { name: 'v' } })
    expect(answer).toMatchObject({ status: 400, body: { error: 'bad-path' } })
  })

  it('a well-encoded board id still reaches its route', async () => {
    expect((await requestJson(url(`/api/boards/${encodeURIComponent(boardId)}`))).status).toBe(200)
  })

  it('a request target that is no URL answers 400, on HTTP and on a WebSocket upgrade', async () => {
    expect(await rawStatusLine('GET http://[ HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/)
    expect(
      await rawStatusLine(
        'GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
          'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
      ),
    ).toMatch(/^HTTP\/1\.1 400/)
    expect((await fetch(url('/healthz'))).status).toBe(200)
  })
})

describe('security headers', () => {
  it.each([
    ['API JSON', '/api/boards', 200],
    ['a board', '/api/boards/:board', 200],
    ['an error', '/api/nothing-here', 404],
    ['a bad path', '/api/boards/%zz', 400],
    ['health', '/healthz', 200],
    ['metrics', '/metrics', 200],
  ])('%s carries nosniff, Referrer-Policy and a CSP that allows nothing', async (_, path, status) => {
    const response = await fetch(url(path))
    expect(response.status).toBe(status)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    expect(response.headers.get('content-security-policy')).toBe(DATA_CONTENT_SECURITY_POLICY)
  })

  it.each([
    ['index.html', '/'],
    ['the SPA fallback', '/b/:board'],
    ['a hashed asset', '/assets/index-AbCdEfGh12.js'],
  ])('%s carries the app CSP with frame-ancestors, nosniff and Referrer-Policy', async (_, path) => {
    const response = await fetch(url(path))
    expect(response.status).toBe(200)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toBe(APP_CONTENT_SECURITY_POLICY)
    expect(csp).toContain("frame-ancestors 'none'")
  })

  it('a missing static file (404) carries the headers too', async () => {
    const response = await fetch(url('/assets/missing-AbCdEfGh12.js'))
    expect(response.status).toBe(404)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
  })
})

describe('request limits', () => {
  it('headers over the size limit answer 431 and the server keeps serving', async () => {
    const status = await rawStatusLine(
      `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    )
    expect(status).toMatch(/^HTTP\/1\.1 431/)
    expect((await fetch(url('/healthz'))).status).toBe(200)
  })
})

describe('JSON request bodies', () => {
  it('a body over the limit answers 413 with the limit named, declared or streamed', async () => {
    const big = JSON.stringify({ title: 'x'.repeat(4096) })
    const declared = await requestJson(url('/api/boards'), { method: 'POST', rawBody: big })
    expect(declared.status).toBe(413)
    expect(declared.body).toMatchObject({ error: 'body-too-large' })
    expect((declared.body as { message: string }).message).toContain('at most 1024 bytes')

    // Chunked, so no Content-Length announces it: the limit holds while the body arrives.
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 8; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(512)))
        controller.close()
      },
    })
    const streamed = await fetch(url('/api/boards'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit)
    expect(streamed.status).toBe(413)
    expect((await fetch(url('/healthz'))).status).toBe(200)
  })

  it('a body declared as no type answers 415; one of another type is a file; JSON that does not parse answers 400', async () => {
    // Bytes, so fetch declares no type of its own.
    const undeclared = await fetch(url('/api/boards'), {
      method: 'POST',
      body: new TextEncoder().encode('{"title":"t"}'),
    })
    expect(undeclared.status).toBe(415)
    expect(await undeclared.json()).toMatchObject({ error: 'unsupported-media-type' })
    // Any other declared type is a file to make a board from (create-board-from-file.ts).
    const plain = await fetch(url('/api/boards'), {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"title":"t"}',
    })
    expect(plain.status).toBe(400)
    expect(await plain.json()).toMatchObject({ error: 'invalid-file' })
    const broken = await requestJson(url('/api/boards'), { method: 'POST', rawBody: '{"title":' })
    expect(broken).toMatchObject({ status: 400, body: { error: 'invalid-json' } })
    expect((await requestJson(url('/api/boards'), { method: 'POST', body: { title: 'ok' } })).status).toBe(
      201,
    )
  })
})
