/**
 * The board's `TLAssetStore`: images and files dropped or pasted on the board go to the server's asset
 * store instead of into the board doc as data URLs (which every reader would download with the whole
 * history, and which a photo over the record limit could not even be).
 *
 * 1. `upload` checks the bytes (type sniffed from them, size) and refuses at once with the reason; it
 *    hashes them (SHA-256) and keeps them in this device's asset cache, and answers the asset's path
 *    `/api/boards/<board>/assets/<hash>` straight away. The path is final from the start (the store is
 *    content-addressed), so the record is written once and never fixed up, online or off.
 * 2. The bytes are sent to the server in the background; a file that could not be sent (offline, server
 *    down) waits in the cache and is sent when the page is online again, or the board is next opened.
 *    A refusal (too large, wrong type, no permission) is kept with its reason and not sent again.
 * 3. `resolve` draws from the cache when it holds the file, else fetches it with the board's
 *    credentials (an `<img>` cannot send them) and caches it for next time, offline included. A data
 *    URL (a board from before the asset store) is drawn as it is.
 */
import {
  assetOfPath,
  assetPath,
  isAssetHash,
  MAX_ASSET_BYTES,
  readAssetUploadBody,
  sniffAssetType,
} from '@flowmap/shared'
import type { TLAsset, TLAssetStore } from 'tldraw'
import { presentedToken } from '../presence/identity-token.ts'
import { type AssetCacheDatabase, waitingUploads } from './asset-cache.ts'

const MB = 1024 * 1024
/** Waits before each try of fetching an asset: about 30 s in all. */
const FETCH_RETRY_WAITS_MS = [0, 500, 1000, 2000, 4000, 8000, 15_000]

export interface BoardAssetStore extends TLAssetStore {
  /** Sends every file of the board still waiting; resolves when each has been tried once. */
  sendWaiting(): Promise<void>
  dispose(): void
}

export interface BoardAssetStoreOptions {
  boardId: string
  token: string | null
  cache: AssetCacheDatabase | null
  /** Where the server is; the page's own origin by default. */
  baseUrl?: string
  /** A refusal or failure a person should hear of ("photo.heic is not an image …"). */
  onProblem?(message: string): void
}

export function createBoardAssetStore(options: BoardAssetStoreOptions): BoardAssetStore {
  const { boardId, cache } = options
  const base = options.baseUrl ?? ''
  const objectUrls = new Map<string, Promise<string | null>>()
  const sending = new Set<string>()
  const headers = (): Record<string, string> => {
    const token = presentedToken(options.token)
    return token ? { authorization: `Bearer ${token}` } : {}
  }

  async function send(hash: string, blob: Blob, name: string): Promise<void> {
    if (sending.has(hash)) return
    sending.add(hash)
    try {
      const query = name === '' ? '' : `?name=${encodeURIComponent(name)}`
      const response = await fetch(`${base}/api/boards/${encodeURIComponent(boardId)}/assets${query}`, {
        method: 'POST',
        headers: { ...headers(), 'content-type': 'application/octet-stream' },
        body: blob,
      })
      if (response.ok) {
        const read = readAssetUploadBody(await response.json())
        if (read.ok && read.body.hash === hash) await cache?.assets.update(hash, { uploaded: 1 })
        return
      }
      if (response.status === 503 || response.status === 507 || response.status >= 500) return // try again later
      const refusal = await response.json().catch(() => null)
      const message =
        typeof refusal?.message === 'string' ? refusal.message : `the server answered ${response.status}`
      await cache?.assets.update(hash, { refused: message })
      options.onProblem?.(`${name || 'The file'} was not stored: ${message}`)
    } catch {
      // Offline or the server is down: the file waits in the cache for the next try.
    } finally {
      sending.delete(hash)
    }
  }

  async function sendWaiting(): Promise<void> {
    if (cache === null) return
    const rows = await waitingUploads(cache, boardId).catch(() => [])
    for (const row of rows) await send(row.hash, row.blob, row.name)
  }

  const onOnline = () => void sendWaiting()
  if (typeof window !== 'undefined') window.addEventListener('online', onOnline)

  /**
   * The file as an object URL: the device copy, else the server's. The record can arrive before its
   * bytes do (its uploader sends them in the background, or is offline), so a 404 or a failed request
   * is asked again, backing off, for about half a minute before the image is given up as missing.
   */
  async function objectUrlOf(assetBoard: string, hash: string): Promise<string | null> {
    for (const wait of FETCH_RETRY_WAITS_MS) {
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
      const cached = await cache?.assets.get(hash).catch(() => undefined)
      if (cached !== undefined) return URL.createObjectURL(cached.blob)
      let response: Response
      try {
        response = await fetch(`${base}${assetPath(assetBoard, hash)}`, { headers: headers() })
      } catch {
        continue // offline or the server is down: ask again
      }
      if (response.status === 404 || response.status >= 500) continue
      if (!response.ok) {
        console.warn(`asset ${hash} of board ${assetBoard}: the server answered ${response.status}`)
        return null
      }
      const blob = await response.blob()
      const mimeType = response.headers.get('content-type') ?? blob.type
      await cache?.assets
        .put({ hash, boardId: assetBoard, mimeType, name: '', blob, uploaded: 1 })
        .catch(() => undefined)
      return URL.createObjectURL(blob)
    }
    console.warn(`asset ${hash} of board ${assetBoard} is not on the server (yet?)`)
    return null
  }

  return {
    async upload(_asset: TLAsset, file: File) {
      const bytes = new Uint8Array(await file.arrayBuffer())
      if (bytes.byteLength > MAX_ASSET_BYTES) {
        const problem = `${file.name} is ${(bytes.byteLength / MB).toFixed(1)} MB; files up to ${MAX_ASSET_BYTES / MB} MB are stored`
        options.onProblem?.(problem)
        throw new Error(problem)
      }
      const mimeType = sniffAssetType(bytes)
      if (mimeType === null) {
        const problem = `${file.name} is not an image or PDF the board stores (PNG, JPEG, GIF, WebP, SVG or PDF)`
        options.onProblem?.(problem)
        throw new Error(problem)
      }
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
      const hash = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')
      const blob = new Blob([bytes], { type: mimeType })
      await cache?.assets.put({ hash, boardId, mimeType, name: file.name, blob, uploaded: 0 })
      void send(hash, blob, file.name)
      return { src: assetPath(boardId, hash) }
    },

    resolve(asset) {
      const src = asset.props.src
      if (!src) return null
      const stored = assetOfPath(src)
      if (stored === null || !isAssetHash(stored.hash)) return src
      const key = `${stored.boardId}/${stored.hash}`
      let url = objectUrls.get(key)
      if (url === undefined) {
        url = objectUrlOf(stored.boardId, stored.hash)
        objectUrls.set(key, url)
        // A failed fetch is tried again next time it is drawn (the server may be back).
        void url.then((got) => {
          if (got === null) objectUrls.delete(key)
        })
      }
      return url
    },

    sendWaiting,

    dispose() {
      if (typeof window !== 'undefined') window.removeEventListener('online', onOnline)
      for (const url of objectUrls.values()) void url.then((got) => got && URL.revokeObjectURL(got))
      objectUrls.clear()
    },
  }
}
