import { createHash, randomBytes } from 'node:crypto'
import { type BoardRole, MAX_ASSET_BYTES, readAssetUploadBody } from '@flowmap/shared'
import { describe, expect, it } from 'vitest'
import { makeFullDisk } from '../testing/full-disk.ts'
import { postAnnouncingSize, requestJson } from '../testing/http-client.ts'
import { solidPng } from '../testing/solid-png.ts'
import { startTestServer, TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { useTestServer } from '../testing/use-test-server.ts'

const server = useTestServer({ config: { authSecret: TEST_SECRET } })

function token(board: string, role: BoardRole): Promise<string> {
  return testToken({ sub: `u-${role}`, name: `Ada the ${role}`, board, role })
}

async function board(title: string, base = server.url): Promise<string> {
  const made = await requestJson(`${base}/api/boards`, {
    method: 'POST',
    token: await token('*', 'facilitator'),
    body: { title },
  })
  return (made.body as { id: string }).id
}

async function upload(
  boardId: string,
  bytes: Uint8Array,
  bearer?: string,
  name = 'photo.png',
  base = server.url,
) {
  const response = await fetch(`${base}/api/boards/${boardId}/assets?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: {
      'content-type': 'image/png',
      ...(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` }),
    },
    body: new Blob([new Uint8Array(bytes)]),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

async function download(path: string, bearer?: string, base = server.url) {
  const response = await fetch(`${base}${path}`, {
    headers: bearer === undefined ? {} : { authorization: `Bearer ${bearer}` },
  })
  return {
    status: response.status,
    headers: response.headers,
    bytes: new Uint8Array(await response.arrayBuffer()),
  }
}

const png = solidPng(4, 3, [200, 30, 30])
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

describe('the asset store', () => {
  it('stores an image by the hash of its bytes, once, and gives it back to whoever may read the board', async () => {
    await server.start()
    const id = await board('Photos')
    const editor = await token(id, 'editor')
    const first = await upload(id, png, editor)
    expect(first.status).toBe(201)
    const read = readAssetUploadBody(first.body)
    expect(read).toEqual({
      ok: true,
      body: {
        hash: sha256(png),
        src: `/api/boards/${id}/assets/${sha256(png)}`,
        mimeType: 'image/png',
        size: png.byteLength,
      },
    })
    expect((await upload(id, png, editor)).status).toBe(200)

    const viewer = await token(id, 'viewer')
    const got = await download(`/api/boards/${id}/assets/${sha256(png)}`, viewer)
    expect(got.status).toBe(200)
    expect(Buffer.from(got.bytes).equals(png)).toBe(true)
    expect(got.headers.get('content-type')).toBe('image/png')
    expect(got.headers.get('x-content-type-options')).toBe('nosniff')
    expect(got.headers.get('cache-control')).toBe('private, max-age=31536000, immutable')
    const again = await fetch(`${server.url}/api/boards/${id}/assets/${sha256(png)}`, {
      headers: { authorization: `Bearer ${viewer}`, 'if-none-match': `"${sha256(png)}"` },
    })
    expect(again.status).toBe(304)

    // Only through a board it was uploaded to: the hash alone opens nothing.
    const other = await board('Other')
    const elsewhere = await download(
      `/api/boards/${other}/assets/${sha256(png)}`,
      await token(other, 'facilitator'),
    )
    expect(elsewhere.status).toBe(404)
    expect((await download(`/api/boards/${id}/assets/${sha256(png)}`)).status).toBe(401)
  })

  it('refuses what it does not store, with a sentence, and stores nothing of it', async () => {
    await server.start()
    const id = await board('Refusals')
    const editor = await token(id, 'editor')
    const html = new TextEncoder().encode('<!DOCTYPE html><html><script>alert(1)</script></html>')
    expect(await upload(id, html, editor, 'cat.png')).toEqual({
      status: 415,
      body: {
        error: 'unsupported-type',
        message:
          'the file is not one the board stores (its bytes are text (HTML)): it takes PNG, JPEG, GIF, WebP or SVG images, or PDF files',
      },
    })
    expect((await download(`/api/boards/${id}/assets/${sha256(html)}`, editor)).status).toBe(404)
    expect((await upload(id, png)).status).toBe(401)
    expect(await upload(id, png, await token(id, 'viewer'))).toMatchObject({
      status: 403,
      body: { message: 'adding images and files to a board needs an editor or facilitator link' },
    })
    // Over the limit: refused from the declared length, before the body is read.
    const answer = await postAnnouncingSize(
      `${server.url}/api/boards/${id}/assets`,
      editor,
      MAX_ASSET_BYTES + 1,
    )
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toEqual({
      error: 'file-too-large',
      message: `the file is ${MAX_ASSET_BYTES + 1} bytes; files up to 25 MB (${MAX_ASSET_BYTES} bytes) are stored`,
    })
  })

  it('serves an SVG sandboxed, so script inside it never runs', async () => {
    await server.start()
    const id = await board('Drawings')
    const editor = await token(id, 'editor')
    const svg = new TextEncoder().encode(
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    )
    expect((await upload(id, svg, editor, 'logo.svg')).status).toBe(201)
    const got = await download(`/api/boards/${id}/assets/${sha256(svg)}`, editor)
    expect(got.headers.get('content-type')).toBe('image/svg+xml')
    expect(got.headers.get('content-security-policy')).toBe(
      "sandbox; default-src 'none'; style-src 'unsafe-inline'",
    )
  })

  it('on a full disk answers that it could not store the file, and nothing is stored or linked', async () => {
    const disk = makeFullDisk()
    const running = await startTestServer(
      { authSecret: TEST_SECRET, sqliteMaxPages: disk.sqliteMaxPages },
      disk.dataDir,
    )
    try {
      const id = await board('Full', running.server.url)
      const editor = await token(id, 'editor')
      disk.fill()
      // Room already inside the files (the database's free pages) may take a few more uploads; each of
      // those is really stored. The first that does not fit is refused, and nothing of it is kept.
      // Incompressible bytes after a PNG signature (the store sniffs, it does not decode).
      let refused: { status: number; body: Record<string, unknown> } | null = null
      let big = Buffer.alloc(0)
      for (let i = 0; refused === null; i++) {
        if (i >= 200) throw new Error('200 uploads on a full disk were all stored')
        big = Buffer.concat([png.subarray(0, 8), randomBytes(256 * 1024)])
        const answer = await upload(id, big, editor, 'photo.png', running.server.url)
        if (answer.status !== 201) refused = answer
      }
      expect(refused.status).toBe(disk.mechanism === 'tmpfs' ? 507 : 503)
      expect(refused.body).toMatchObject({
        error: 'storage-unavailable',
        message: expect.stringMatching(/nothing was (stored|changed)/),
      })
      disk.free()
      expect(
        (await download(`/api/boards/${id}/assets/${sha256(big)}`, editor, running.server.url)).status,
      ).toBe(404)
      // With room again, the same upload is stored.
      expect((await upload(id, big, editor, 'photo.png', running.server.url)).status).toBe(201)
      expect(
        (await download(`/api/boards/${id}/assets/${sha256(big)}`, editor, running.server.url)).status,
      ).toBe(200)
    } finally {
      // Not running.dispose(): it would remove the data dir, which is the mount point.
      await running.server.close()
      disk.dispose()
    }
  })
})
