import 'fake-indexeddb/auto'
import { resolveObjectURL } from 'node:buffer'
import { type AssetVariantMeta, assetPath, type BoardRole } from '@flowmap/shared'
import { requestJson } from '@flowmap/sync-server/testing/http-client'
import { TEST_SECRET } from '@flowmap/sync-server/testing/test-server'
import { testToken } from '@flowmap/sync-server/testing/test-tokens'
import { useTestServer } from '@flowmap/sync-server/testing/use-test-server'
import type { TLAsset, TLAssetContext } from 'tldraw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type AssetCacheDatabase, openAssetCache } from './asset-cache.ts'
import { type BoardAssetStore, createBoardAssetStore } from './board-asset-store.ts'

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture named as the server tests name it, not a React hook
const server = useTestServer({ per: 'suite', config: { authSecret: TEST_SECRET } })

const token = (board: string, role: BoardRole) => testToken({ sub: `u-${role}`, board, role })

async function newBoard(title: string): Promise<string> {
  const made = await requestJson(`${server.url}/api/boards`, {
    method: 'POST',
    token: await token('*', 'facilitator'),
    body: { title },
  })
  return (made.body as { id: string }).id
}

const stores: BoardAssetStore[] = []
const caches: AssetCacheDatabase[] = []
afterEach(async () => {
  for (const store of stores.splice(0)) store.dispose()
  for (const cache of caches.splice(0)) await cache.delete()
})

function storeOf(boardId: string, bearer: string, cacheName: string | null) {
  const cache = cacheName === null ? null : openAssetCache(cacheName)
  if (cache) caches.push(cache)
  const store = createBoardAssetStore({ boardId, token: bearer, cache, baseUrl: server.url })
  stores.push(store)
  return { store, cache }
}

// The store (and the server) tell a PNG by its signature; what follows is not drawn here.
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4])
const pdf = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
)

async function bytesOfUrl(url: string | null): Promise<Uint8Array> {
  const blob = url === null ? undefined : resolveObjectURL(url)
  if (blob === undefined) throw new Error(`no blob behind ${url}`)
  return new Uint8Array(await blob.arrayBuffer())
}

function imageAsset(src: string, variants: AssetVariantMeta[]): TLAsset {
  return {
    id: 'asset:photo',
    typeName: 'asset',
    type: 'image',
    props: {
      w: 4,
      h: 3,
      name: 'photo.png',
      isAnimated: false,
      mimeType: 'image/png',
      src,
      fileSize: png.length,
    },
    meta: { variants },
  } as unknown as TLAsset
}

const context = (screenScale: number): TLAssetContext => ({
  screenScale,
  steppedScreenScale: screenScale,
  dpr: 1,
  networkEffectiveType: null,
  shouldResolveToOriginal: false,
})

describe('the board asset store against a real server', () => {
  it('a refusal by the server is told to its listeners in a sentence, and the file is not sent again', async () => {
    const boardId = await newBoard('Viewer drop')
    const { store, cache } = storeOf(boardId, await token(boardId, 'viewer'), 'asset-store-refused')
    const heard: string[] = []
    store.subscribeProblems((message) => heard.push(message))
    const file = new File([png], 'photo.png', { type: 'image/png' })
    const { src } = await store.upload(imageAsset('', []), file)
    await vi.waitFor(() => expect(heard).toHaveLength(1))
    expect(heard[0]).toBe(
      'photo.png was not stored: adding images and files to a board needs an editor or facilitator link',
    )
    const row = await cache!.assets.get(src.split('/').at(-1)!)
    expect(row?.refused).toBe(heard[0])
    await store.sendWaiting()
    expect(heard).toHaveLength(1)
  })

  it('a PDF is stored for the board, and another device gets the same bytes with the board’s credentials', async () => {
    const boardId = await newBoard('Policy')
    const editor = storeOf(boardId, await token(boardId, 'editor'), 'asset-store-pdf').store
    const kept = await editor.storeFile(new File([pdf], 'policy.pdf', { type: 'application/pdf' }))
    if (!kept.ok) throw new Error(kept.problem)
    expect(kept.file).toMatchObject({ name: 'policy.pdf', size: pdf.length, mimeType: 'application/pdf' })
    const otherDevice = storeOf(boardId, await token(boardId, 'viewer'), null).store
    const blob = await otherDevice.fileBlob(kept.file.src)
    expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(pdf)
    const refused = await editor.storeFile(new File(['<html></html>'], 'policy.pdf'))
    expect(refused).toEqual({
      ok: false,
      problem:
        'policy.pdf is not a file the board stores (PNG, JPEG, GIF, WebP or SVG images, or PDF files); its content was checked, not its name.',
    })
  })

  it('a variant the server does not have falls back to the original at once', async () => {
    const boardId = await newBoard('Variants')
    const bearer = await token(boardId, 'editor')
    const uploader = storeOf(boardId, bearer, null).store
    const { src } = await uploader.upload(
      imageAsset('', []),
      new File([png], 'photo.png', { type: 'image/png' }),
    )
    await vi.waitFor(async () => {
      const stored = await fetch(`${server.url}${src}`, { headers: { authorization: `Bearer ${bearer}` } })
      expect(stored.status).toBe(200)
    })
    const otherDevice = storeOf(boardId, bearer, null).store
    const missing = { w: 2, src: assetPath(boardId, 'f'.repeat(64)) }
    // Drawn at a quarter, the 2 px variant is the pick; the server has none, so the original is drawn.
    const url = await otherDevice.resolve!(imageAsset(src, [missing]), context(0.25))
    expect(await bytesOfUrl(url)).toEqual(png)
  })
})
