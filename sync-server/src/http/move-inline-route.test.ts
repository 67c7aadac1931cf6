import {
  type BoardRole,
  readMoveInlineBody,
  readRecord,
  type StoredRecord,
  writeRecords,
} from '@flowmap/shared'
import { describe, expect, it } from 'vitest'
import { createBoardOverApi, requestJson } from '../testing/http-client.ts'
import { solidPng } from '../testing/solid-png.ts'
import { TEST_SECRET } from '../testing/test-server.ts'
import { testToken } from '../testing/test-tokens.ts'
import { useTestServer } from '../testing/use-test-server.ts'
import { decodeDataUrl } from './move-inline-route.ts'

const server = useTestServer({ config: { authSecret: TEST_SECRET } })

function token(board: string, role: BoardRole): Promise<string> {
  return testToken({ sub: `u-${role}`, name: `Fia the ${role}`, board, role })
}

function inlineImage(id: string, src: string, name: string): StoredRecord {
  return {
    id,
    typeName: 'asset',
    type: 'image',
    props: { name, src, w: 4, h: 3, mimeType: 'image/png', isAnimated: false },
    meta: {},
  } as StoredRecord
}

const red = solidPng(4, 3, [200, 30, 30])
const blue = solidPng(5, 2, [30, 30, 200])
const dataUrl = (bytes: Uint8Array) => `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`
const junk = `data:image/png;base64,${Buffer.from('<!DOCTYPE html><html><body>not a picture</body></html>').toString('base64')}`

const srcOf = (doc: Parameters<typeof readRecord>[0], id: string) =>
  (readRecord(doc, id) as { props: { src: string } } | undefined)?.props.src

async function boardWithInlineImages() {
  await server.start()
  const id = await createBoardOverApi(server.url, { token: await token('*', 'facilitator') })
  const facilitator = await token(id, 'facilitator')
  const writer = server.connect(id, { token: facilitator })
  await writer.synced
  writeRecords(writer.doc, [
    inlineImage('asset:red', dataUrl(red), 'red.png'),
    inlineImage('asset:blue', dataUrl(blue), 'blue.png'),
    inlineImage('asset:junk', junk, 'junk.png'),
  ])
  await writer.acknowledged()
  expect(writer.rejections).toEqual([])
  const watcher = server.connect(id, { token: await token(id, 'editor') })
  await watcher.synced
  const move = (bearer: string) =>
    requestJson(`${server.url}/api/boards/${id}/assets/move-inline`, { method: 'POST', token: bearer })
  return { id, facilitator, watcher, move }
}

describe('moving inline images to the asset store', () => {
  it('stores each inline PNG, rewrites its record to the asset path in one edit of the facilitator seen live, and reports the junk it left', async () => {
    const { id, facilitator, watcher, move } = await boardWithInlineImages()
    const before = await server.storage.lastSeq(id)

    const answer = await move(facilitator)
    expect(answer.status).toBe(200)
    const read = readMoveInlineBody(answer.body)
    if (!read.ok) throw new Error(read.reason)
    expect(read.body).toEqual({
      moved: 2,
      bytes: red.byteLength + blue.byteLength,
      skipped: [
        {
          assetId: 'asset:junk',
          reason:
            'the file is not one the board stores (its bytes are text (HTML)): it takes PNG, JPEG, GIF, WebP or SVG images, or PDF files',
        },
      ],
    })

    // The connected client sees the paths arrive; the junk stays as it was.
    await expect
      .poll(() => srcOf(watcher.doc, 'asset:red'))
      .toMatch(/^\/api\/boards\/.+\/assets\/[0-9a-f]{64}$/)
    await expect
      .poll(() => srcOf(watcher.doc, 'asset:blue'))
      .toMatch(/^\/api\/boards\/.+\/assets\/[0-9a-f]{64}$/)
    expect(srcOf(watcher.doc, 'asset:junk')).toBe(junk)
    for (const [assetId, bytes] of [
      ['asset:red', red],
      ['asset:blue', blue],
    ] as const) {
      const got = await fetch(`${server.url}${srcOf(watcher.doc, assetId)}`, {
        headers: { authorization: `Bearer ${facilitator}` },
      })
      expect(got.status).toBe(200)
      expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true)
    }

    // One new history entry, the facilitator's, and it carries no data URL.
    expect(await server.storage.lastSeq(id)).toBe(before + 1)
    const [entry] = await server.storage.readHistory(id, { afterSeq: before, limit: 10 })
    expect(entry).toMatchObject({ userId: 'u-facilitator', userName: 'Fia the facilitator' })
    expect(Buffer.from(entry!.update).includes('data:image/png')).toBe(false)
  })

  it('moves nothing the second time', async () => {
    const { id, facilitator, move } = await boardWithInlineImages()
    expect((await move(facilitator)).body).toMatchObject({ moved: 2 })
    const after = await server.storage.lastSeq(id)
    const again = await move(facilitator)
    expect(again.status).toBe(200)
    expect(again.body).toEqual({
      moved: 0,
      bytes: 0,
      skipped: [expect.objectContaining({ assetId: 'asset:junk' })],
    })
    expect(await server.storage.lastSeq(id)).toBe(after)
  })

  it('is refused to an editor, and changes nothing', async () => {
    const { id, watcher, move } = await boardWithInlineImages()
    const before = await server.storage.lastSeq(id)
    const refused = await move(await token(id, 'editor'))
    expect(refused).toMatchObject({
      status: 403,
      body: { message: 'only a facilitator can move pasted images to the asset store' },
    })
    expect(await server.storage.lastSeq(id)).toBe(before)
    expect(srcOf(watcher.doc, 'asset:red')).toBe(dataUrl(red))
  })
})

describe('decodeDataUrl', () => {
  it('reads base64 and percent-encoded data URLs, and names what it cannot read', () => {
    expect(decodeDataUrl(dataUrl(red))).toEqual({ ok: true, bytes: new Uint8Array(red) })
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>'
    expect(decodeDataUrl(`data:image/svg+xml,${encodeURIComponent(svg)}`)).toEqual({
      ok: true,
      bytes: new Uint8Array(Buffer.from(svg)),
    })
    expect(decodeDataUrl('data:image/png;base64')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/no ","/),
    })
    expect(decodeDataUrl('data:image/png;base64,@@@')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/base64/),
    })
    expect(decodeDataUrl('data:text/plain,%E0%A4%A')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/percent-encoding/),
    })
  })
})
