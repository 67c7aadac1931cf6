/**
 * The asset store's HTTP contract. An image or file dropped on a board is stored once, under the
 * SHA-256 of its bytes (hex), and the board's record holds its path:
 *
 * - `POST /api/boards/:id/assets` — the body is the file's bytes (`?name=` the file name, shown only);
 *   201 with an `AssetUploadBody`. The same bytes again answer the same body (200): nothing is stored
 *   twice. Refused with 413 over `MAX_ASSET_BYTES` (the sentence names the limit), 415 when the bytes are
 *   no type the store keeps (sniffed: asset-type.ts), 401/403 as the board's other routes.
 * - `GET /api/boards/:id/assets/:hash` — the bytes, with the sniffed type, for anyone who may read the
 *   board and only for assets uploaded to (or linked with) that board; immutable, so cached for good.
 *
 * A record refers to an asset by `assetPath(board, hash)`; resized variants of an image are assets of
 * their own, listed in the asset record's `meta.variants` (`AssetVariant`).
 */
import { T } from '@tldraw/validate'
import type { AssetMimeType } from '../assets/asset-type.ts'
import { ASSET_TYPES } from '../assets/asset-type.ts'
import { type BodyRead, readBody } from './http-body-read.ts'

/** The largest file the store takes: a phone photo or a long PDF fits, a video does not. */
export const MAX_ASSET_BYTES = 25 * 1024 * 1024

/** 64 lowercase hex digits: SHA-256. */
export const ASSET_HASH_PATTERN = /^[0-9a-f]{64}$/

export function isAssetHash(value: unknown): value is string {
  return typeof value === 'string' && ASSET_HASH_PATTERN.test(value)
}

/** `/api/boards/<board>/assets/<hash>`: what a record holds (relative, so it survives a new host name). */
export function assetPath(boardId: string, hash: string): string {
  return `/api/boards/${encodeURIComponent(boardId)}/assets/${hash}`
}

/** The board and hash of an asset path (with or without an origin), or null for any other URL. */
export function assetOfPath(src: string): { boardId: string; hash: string } | null {
  const match = /^(?:https?:\/\/[^/]+)?\/api\/boards\/([^/?#]+)\/assets\/([0-9a-f]{64})(?:[?#].*)?$/.exec(src)
  if (match === null) return null
  try {
    return { boardId: decodeURIComponent(match[1]!), hash: match[2]! }
  } catch {
    return null
  }
}

const assetUploadBody = T.object({
  hash: T.string.check((hash) => {
    if (!isAssetHash(hash)) throw new Error('must be 64 hex digits')
  }),
  src: T.string,
  mimeType: T.literalEnum(...(Object.keys(ASSET_TYPES) as AssetMimeType[])),
  size: T.nonZeroInteger,
}).allowUnknownProperties()

/** POST /api/boards/:id/assets (201, or 200 when the bytes were already stored). */
export type AssetUploadBody = T.TypeOf<typeof assetUploadBody>

export function readAssetUploadBody(json: unknown): BodyRead<AssetUploadBody> {
  return readBody(assetUploadBody, json, 'the stored asset (POST /api/boards/:id/assets)')
}

/** One resized copy of an image, for drawing it small: `w` pixels wide, stored as its own asset. */
export interface AssetVariant {
  w: number
  src: string
}
