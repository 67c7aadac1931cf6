/**
 * The board's `TLAssetStore`: images and files dropped or pasted on the board go to the server's asset
 * store instead of into the board doc as data URLs (which every reader would download with the whole
 * history, and which a photo over the record limit could not even be).
 *
 * 1. `upload` checks the bytes (type sniffed from them, size) and refuses at once with the reason; it
 *    hashes them (SHA-256) and keeps them in this device's asset cache, and answers the asset's path
 *    `/api/boards/<board>/assets/<hash>` straight away. The path is final from the start (the store is
 *    content-addressed), so the record is written once and never fixed up, online or off.
 * 2. A picture over ~1024 px also gets resized variants (image-variants.ts), each an asset of its own
 *    stored the same way, listed in the record's `meta.variants`.
 * 3. The bytes are sent to the server in the background; a file that could not be sent (offline, server
 *    down) waits in the cache and is sent when the page is online again, or the board is next opened.
 *    A refusal (too large, wrong type, no permission) is kept with its reason and not sent again, and
 *    told to whoever listens (`subscribeProblems`: the canvas shows it as a toast).
 * 4. `resolve` picks the copy to draw (variant-pick.ts; the original for an export), then draws from the
 *    cache when it holds the file, else fetches it with the board's credentials (an `<img>` cannot send
 *    them) and caches it for next time, offline included. A variant that cannot be had falls back to the
 *    original. A data URL (a board from before the asset store) is drawn as it is.
 * 5. Files that are not pictures (a PDF) are stored the same way by `storeFile` and opened by `fileBlob`
 *    (which also gives pasted-assets.ts the bytes of another board's file to store again here).
 * 6. When the page is first idle, the device cache is trimmed to its budget (asset-cache.ts).
 */
import { assetOfPath, assetPath, isAssetHash, readAssetUploadBody, variantsOf } from '@flowmap/shared'
import type { TLAsset, TLAssetContext, TLAssetStore, TLStore } from 'tldraw'
import { presentedToken } from '../presence/identity-token.ts'
import { type AssetCacheDatabase, evictAssetCache, markAssetUsed, waitingUploads } from './asset-cache.ts'
import { checkFileToStore, serverRefusalSentence } from './file-check.ts'
import { makeImageVariants } from './image-variants.ts'
import { pickAssetSource } from './variant-pick.ts'

/** Waits before each try of fetching an asset: about 30 s in all. */
const FETCH_RETRY_WAITS_MS = [0, 500, 1000, 2000, 4000, 8000, 15_000]

/** A file stored by `storeFile`: what an artifact's `meta.attachment` holds. */
export interface StoredFile {
  src: string
  name: string
  size: number
  mimeType: string
}

export interface BoardAssetStore extends TLAssetStore {
  /** The board whose asset paths this store answers. */
  readonly boardId: string
  /** Keeps a file that is not a picture (a PDF), like `upload` does; a refusal is its sentence. */
  storeFile(file: File): Promise<{ ok: true; file: StoredFile } | { ok: false; problem: string }>
  /**
   * A stored file's bytes, from this device or fetched with the board's credentials; null if unavailable.
   * Patient (the default), a file not on the server yet is asked for again for about half a minute.
   */
  fileBlob(src: string, options?: { patient?: boolean }): Promise<Blob | null>
  /** Hears every refusal or failure a person should know of; returns how to stop hearing. */
  subscribeProblems(listener: (message: string) => void): () => void
  /** Tells the listeners a problem found elsewhere (a file that could not be opened). */
  reportProblem(message: string): void
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

/**
 * Board asset stores by their `upload`: tldraw's store keeps a wrapper of the asset store it was given
 * (`store.props.assets`) holding that same `upload` function, and the canvas (import handlers, the
 * attachment badge) has only the editor to reach the board's store through. Weak: a closed board's
 * store goes with it.
 */
const storesByUpload = new WeakMap<TLAssetStore['upload'], BoardAssetStore>()

/** The board's asset store behind a tldraw store, when it has one (a replay or a test may not). */
export function boardAssetStoreOf(store: TLStore): BoardAssetStore | null {
  const upload = (store.props.assets as TLAssetStore | undefined)?.upload
  return upload ? (storesByUpload.get(upload) ?? null) : null
}

export function createBoardAssetStore(options: BoardAssetStoreOptions): BoardAssetStore {
  const { boardId, cache } = options
  const base = options.baseUrl ?? ''
  const objectUrls = new Map<string, Promise<string | null>>()
  const sending = new Set<string>()
  const problemListeners = new Set<(message: string) => void>()
  const headers = (): Record<string, string> => {
    const token = presentedToken(options.token)
    return token ? { authorization: `Bearer ${token}` } : {}
  }

  function tell(message: string): void {
    options.onProblem?.(message)
    for (const listener of problemListeners) listener(message)
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
      if (response.status >= 500) return // the server is down or its disk full: try again later
      const refusal = await response.json().catch(() => null)
      const message = typeof refusal?.message === 'string' ? refusal.message : null
      const sentence = serverRefusalSentence(name, response.status, message)
      await cache?.assets.update(hash, { refused: sentence })
      tell(sentence)
    } catch {
      // Offline or the server is down: the file waits in the cache for the next try.
    } finally {
      sending.delete(hash)
    }
  }

  /** Keeps the bytes on the device and sends them in the background; answers their final path. */
  async function keep(bytes: Uint8Array | Blob, mimeType: string, name: string): Promise<string> {
    const buffer = bytes instanceof Blob ? await bytes.arrayBuffer() : bytes
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer as BufferSource))
    const hash = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')
    const blob = bytes instanceof Blob ? bytes : new Blob([bytes as BlobPart], { type: mimeType })
    await cache?.assets.put({
      hash,
      boardId,
      mimeType,
      name,
      blob,
      uploaded: 0,
      lastUsed: Date.now(),
      size: blob.size,
    })
    void send(hash, blob, name)
    return assetPath(boardId, hash)
  }

  async function sendWaiting(): Promise<void> {
    if (cache === null) return
    const rows = await waitingUploads(cache, boardId).catch(() => [])
    for (const row of rows) await send(row.hash, row.blob, row.name)
  }

  const onOnline = () => void sendWaiting()
  if (typeof window !== 'undefined') window.addEventListener('online', onOnline)

  // Trimming the device cache reads every row's small fields: not while the board is being drawn.
  const idle = scheduleIdle(() => {
    if (cache !== null) void evictAssetCache(cache).catch(() => undefined)
  })

  /**
   * The file's bytes: the device copy, else the server's. The record can arrive before its bytes do
   * (its uploader sends them in the background, or is offline), so a 404 or a failed request is asked
   * again, backing off, for about half a minute before the file is given up as missing.
   */
  async function blobOf(
    assetBoard: string,
    hash: string,
    waits: readonly number[] = FETCH_RETRY_WAITS_MS,
  ): Promise<Blob | null> {
    for (const wait of waits) {
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
      const cached = await cache?.assets.get(hash).catch(() => undefined)
      if (cached !== undefined) {
        if (cache) void markAssetUsed(cache, cached).catch(() => undefined)
        return cached.blob
      }
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
        .put({
          hash,
          boardId: assetBoard,
          mimeType,
          name: '',
          blob,
          uploaded: 1,
          lastUsed: Date.now(),
          size: blob.size,
        })
        .catch(() => undefined)
      return blob
    }
    console.warn(`asset ${hash} of board ${assetBoard} is not on the server (yet?)`)
    return null
  }

  /**
   * An object URL of a stored file, made once per file while the board is open. A variant is asked for
   * once: when it cannot be had, the original is drawn rather than waited for.
   */
  function objectUrlOf(src: string, variant = false): Promise<string | null> | string {
    const stored = assetOfPath(src)
    if (stored === null || !isAssetHash(stored.hash)) return src
    const key = `${stored.boardId}/${stored.hash}`
    let url = objectUrls.get(key)
    if (url === undefined) {
      url = blobOf(stored.boardId, stored.hash, variant ? [0] : FETCH_RETRY_WAITS_MS).then((blob) =>
        blob ? URL.createObjectURL(blob) : null,
      )
      objectUrls.set(key, url)
      // A failed fetch is tried again next time it is drawn (the server may be back).
      void url.then((got) => {
        if (got === null) objectUrls.delete(key)
      })
    }
    return url
  }

  function checked(file: File, bytes: Uint8Array) {
    const check = checkFileToStore(file.name, bytes.byteLength, bytes)
    if (!check.ok) {
      tell(check.problem)
      throw new Error(check.problem)
    }
    return check.mimeType
  }

  const store: BoardAssetStore = {
    boardId,

    async upload(asset: TLAsset, file: File) {
      const bytes = new Uint8Array(await file.arrayBuffer())
      const mimeType = checked(file, bytes)
      const src = await keep(bytes, mimeType, file.name)
      // tldraw measured the picture (its natural size) before asking for the upload.
      const measured =
        asset.type === 'image' && asset.props.w > 0 && asset.props.h > 0
          ? { width: asset.props.w, height: asset.props.h }
          : undefined
      const made = await makeImageVariants(new Blob([bytes], { type: mimeType }), mimeType, measured)
      if (made.length === 0) return { src }
      const variants = []
      for (const variant of made) {
        const name = `${file.name} (${variant.w} px)`
        variants.push({ w: variant.w, src: await keep(variant.blob, variant.blob.type, name) })
      }
      return { src, meta: { variants } }
    },

    resolve(asset: TLAsset, context: TLAssetContext) {
      const src = asset.props.src
      if (!src) return null
      if (asset.type !== 'image') return objectUrlOf(src)
      const picked = pickAssetSource(src, asset.props.w, variantsOf(asset), context)
      if (picked === src) return objectUrlOf(src)
      return Promise.resolve(objectUrlOf(picked, true)).then((url) => url ?? objectUrlOf(src))
    },

    async storeFile(file: File) {
      const bytes = new Uint8Array(await file.arrayBuffer())
      const check = checkFileToStore(file.name, bytes.byteLength, bytes)
      if (!check.ok) return { ok: false, problem: check.problem }
      const name = file.name || `file.${check.mimeType.split('/')[1]}`
      const src = await keep(bytes, check.mimeType, name)
      return { ok: true, file: { src, name, size: bytes.byteLength, mimeType: check.mimeType } }
    },

    async fileBlob(src: string, fileOptions = {}) {
      const stored = assetOfPath(src)
      if (stored === null || !isAssetHash(stored.hash)) return null
      return blobOf(stored.boardId, stored.hash, fileOptions.patient === false ? [0] : FETCH_RETRY_WAITS_MS)
    },

    subscribeProblems(listener) {
      problemListeners.add(listener)
      return () => problemListeners.delete(listener)
    },

    reportProblem: tell,

    sendWaiting,

    dispose() {
      idle.cancel()
      problemListeners.clear()
      if (typeof window !== 'undefined') window.removeEventListener('online', onOnline)
      for (const url of objectUrls.values()) void url.then((got) => got && URL.revokeObjectURL(got))
      objectUrls.clear()
    },
  }
  storesByUpload.set(store.upload, store)
  return store
}

/** Runs `task` once the page is idle (or soon, where the browser has no idle callbacks). */
function scheduleIdle(task: () => void): { cancel(): void } {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 30_000 })
    return { cancel: () => cancelIdleCallback(handle) }
  }
  const handle = setTimeout(task, 5000)
  return { cancel: () => clearTimeout(handle) }
}
